// The exported JSON Schemas in VS Code's own JSON language service (vscode-json-languageservice,
// what VS Code runs for JSON files): the messages an editor without the linter shows for a Unix
// cron, a startTime of "tomorrow", a job without a document source, document beside
// documentSource, and a member only the other edition has; and the snippets it offers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import languageService from "vscode-json-languageservice";

const { getLanguageService, TextDocument } = languageService;

const root = fileURLToPath(new URL("../../", import.meta.url));
const schema = (edition, op) => JSON.parse(readFileSync(`${root}schemas/${edition}/${op}.schema.json`, "utf8"));

function service(edition) {
  const uri = `file:///schemas/${edition}/create-job.schema.json`;
  const ls = getLanguageService({ schemaRequestService: async () => "{}" });
  ls.configure({
    validate: true,
    schemas: [{ uri, fileMatch: ["*.job.json"], schema: schema(edition, "create-job") }],
  });
  return ls;
}

async function problems(text, edition = "latest") {
  const ls = service(edition);
  const doc = TextDocument.create("file:///work/a.job.json", "json", 1, text);
  const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
  return diagnostics.map((d) => ({ message: d.message, at: doc.getText(d.range) }));
}

const job = (extra) =>
  JSON.stringify(
    {
      jobId: "fw-1",
      targets: ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps"],
      document: "{}",
      ...extra,
    },
    null,
    2,
  );

test("a valid job has no problem", async () => {
  assert.deepEqual(await problems(job({})), []);
});

test("a Unix cron is underlined with the six-field form", async () => {
  const got = await problems(job({ schedulingConfig: { maintenanceWindows: [{ startTime: "0 2 * * 0", durationInMinutes: 60 }] } }));
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].at, '"0 2 * * 0"');
  assert.match(got[0].message, /cron\(minutes hours day-of-month month day-of-week year\)/);
  assert.match(got[0].message, /A Unix cron such as 0 2 \* \* 0/);
});

test('"tomorrow" is not a startTime', async () => {
  const got = await problems(job({ schedulingConfig: { startTime: "tomorrow" } }));
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].at, '"tomorrow"');
  assert.match(got[0].message, /YYYY-MM-DDTHH:MM/);
});

test("a job without a document names all three sources", async () => {
  const text = JSON.stringify({ jobId: "fw-1", targets: ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps"] });
  const got = await problems(text);
  assert.equal(got.length, 1, JSON.stringify(got));
  for (const source of ["document", "documentSource", "jobTemplateArn"]) {
    assert.ok(got[0].message.includes(source), got[0].message);
  }
});

test("document beside documentSource says which to keep, at documentSource", async () => {
  const got = await problems(job({ documentSource: "https://s3.amazonaws.com/b/job.json" }));
  assert.equal(got.length, 1, JSON.stringify(got));
  assert.equal(got[0].at, '"https://s3.amazonaws.com/b/job.json"');
  assert.match(got[0].message, /keep one/);
});

test("a member only the latest edition has is explained under 2023-03-02", async () => {
  const got = await problems(job({ destinationPackageVersions: [] }), "2023-03-02");
  assert.ok(got.length >= 1, JSON.stringify(got));
  assert.ok(
    got.some((p) => p.message.includes("not a member of CreateJobRequest in the 2023-03-02 service model")),
    JSON.stringify(got),
  );
  assert.deepEqual(await problems(job({ destinationPackageVersions: [] }), "latest"), []);
});

test("completion offers the snippets with tab stops, not the refused member", async () => {
  const ls = service("2023-03-02");
  const text = "{\n  \n}";
  const doc = TextDocument.create("file:///work/b.job.json", "json", 1, text);
  const list = await ls.doComplete(doc, { line: 1, character: 2 }, ls.parseJSONDocument(doc));
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes("jobId"), labels.join(","));
  assert.ok(!labels.includes("destinationPackageVersions"), labels.join(","));
  const empty = TextDocument.create("file:///work/c.job.json", "json", 1, "");
  const snippets = await ls.doComplete(empty, { line: 0, character: 0 }, ls.parseJSONDocument(empty));
  const skeleton = snippets.items.find((i) => i.label === "New CreateJob request");
  assert.ok(skeleton, snippets.items.map((i) => i.label).join(","));
  assert.match(skeleton.insertText, /\$\{1:firmware-2027-01\}/);
});
