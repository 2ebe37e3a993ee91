-- Drives `iot-jobs-lint lsp` from Neovim's own LSP client (0.7 or later), headless:
--   nvim --headless --clean -u NONE -c 'luafile test.lua'
-- Environment: IOT_JOBS_LINT (the binary), IOT_JOBS_LINT_FILE (the job file to open),
-- IOT_JOBS_LINT_NOW (RFC 3339, passed as initializationOptions.now), IOT_JOBS_LINT_EXPECTED (the
-- number of diagnostics `check` reports for the file at that time).
-- Exits 0 when every check holds, else 1 with the reason on standard error.

local function fail(message)
  io.stderr:write("nvim test: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function check(condition, message)
  if not condition then
    error(message, 0)
  end
end

local function run()
  local bin = os.getenv("IOT_JOBS_LINT")
  local file = os.getenv("IOT_JOBS_LINT_FILE")
  local expected = tonumber(os.getenv("IOT_JOBS_LINT_EXPECTED"))
  check(bin and file and expected, "IOT_JOBS_LINT, IOT_JOBS_LINT_FILE and IOT_JOBS_LINT_EXPECTED are needed")

  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "iot-jobs-lint",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    init_options = { now = os.getenv("IOT_JOBS_LINT_NOW") },
  })
  check(client_id, "the client did not start")
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- Diagnostics.
  local ok = vim.wait(15000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  check(ok, "no diagnostics within 15 s")
  -- Let a possible second publication settle, then count.
  vim.wait(300)
  local diagnostics = vim.diagnostic.get(buf)
  check(#diagnostics == expected,
    string.format("%d diagnostics, check reports %d", #diagnostics, expected))

  -- The LSP form of a diagnostic (Neovim 0.7 keeps the code, and columns in bytes: the file is
  -- ASCII, so they are the UTF-16 columns too).
  local function lsp_of(d)
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    return {
      range = {
        start = { line = d.lnum, character = d.col },
        ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
      },
      code = code,
      message = d.message,
      severity = d.severity,
    }
  end

  -- Hover at a diagnostic.
  local first = lsp_of(diagnostics[1])
  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = first.range.start,
  }, 5000, buf)
  check(hover and hover.result and hover.result.contents, "no hover at the first diagnostic")
  local text = hover.result.contents.value or ""
  check(text:find("Source:", 1, true), "hover without the rule's source: " .. text)

  -- Completion in an enum value: targetSelection's values.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find('"targetSelection": "', 1, true)
    if col then
      local value = col + #'"targetSelection": "' - 1
      local completion = client.request_sync("textDocument/completion", {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        position = { line = i - 1, character = value },
      }, 5000, buf)
      local labels = {}
      for _, item in ipairs(completion and completion.result or {}) do
        table.insert(labels, item.label)
      end
      table.sort(labels)
      check(table.concat(labels, ",") == "CONTINUOUS,SNAPSHOT",
        "targetSelection completion: " .. table.concat(labels, ","))
    end
  end

  -- Hover on a member name without a diagnostic: the service model's documentation.
  for i, line in ipairs(lines) do
    local col = line:find('"timeoutConfig"', 1, true)
    if col then
      local member = client.request_sync("textDocument/hover", {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        position = { line = i - 1, character = col + 2 },
      }, 5000, buf)
      local doc = member and member.result and member.result.contents.value or ""
      check(doc:find("TimeoutConfig", 1, true), "member hover: " .. doc)
    end
  end

  -- Code lens on schedulingConfig.
  local lenses = client.request_sync("textDocument/codeLens", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
  }, 5000, buf)
  local rollout = false
  for _, lens in ipairs(lenses and lenses.result or {}) do
    if lens.command and lens.command.title:find("^rollout") then
      rollout = true
    end
  end
  check(rollout, "no rollout lens")

  -- The targets/duplicate quick fix.
  local duplicate
  for _, d in ipairs(diagnostics) do
    local l = lsp_of(d)
    if l.code == "targets/duplicate" then
      duplicate = l
    end
  end
  check(duplicate, "no targets/duplicate diagnostic")
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  local actions = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = duplicate.range,
    context = { diagnostics = { duplicate }, only = { "quickfix" } },
  }, 5000, buf)
  local applied = false
  for _, action in ipairs(actions and actions.result or {}) do
    local for_duplicate = false
    for _, d in ipairs(action.diagnostics or {}) do
      if d.code == "targets/duplicate" then
        for_duplicate = true
      end
    end
    if for_duplicate and action.edit and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
  check(applied, "no quick fix for targets/duplicate")
  local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  check(after ~= before, "the quick fix left the buffer unchanged")
  local _, copies = after:gsub("thing/pump%-0042", "")
  check(copies == 1, string.format("%d copies of the duplicate target left", copies))

  -- The server lints the changed buffer: targets/duplicate is gone.
  ok = vim.wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if lsp_of(d).code == "targets/duplicate" then
        return false
      end
    end
    return true
  end, 50)
  check(ok, "targets/duplicate still reported after the fix")

  vim.lsp.stop_client(client_id)
  io.stdout:write("nvim test: ok\n")
  vim.cmd("qall!")
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
