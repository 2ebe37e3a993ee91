// The schedule view: the next maintenance windows from the package's schedule() as a list (UTC,
// and the browser's time zone when it is not UTC then) and as a drawing, one row per window on a
// UTC time-of-day axis that spans the day of the window's start and the next one (a window lasts
// at most 1430 minutes, so it always ends within the day after its start), zoomed to the hours the
// windows shown use. A legend names each declared window (`maintenanceWindows[i]`: its cron and
// duration, as the document gives them) with its colour.
import type { Schedule, ScheduledWindow } from 'iot-jobs-lint';
import { el, svg } from './dom';
import type { DeclaredWindow } from './protocol';

/** `YYYY-MM-DDTHH:MM` (UTC, as the package writes times) to a Date. */
export function parseUtc(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return new Date(NaN);
  const [, y, mo, d, h, mi] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { hourCycle: 'h23', ...options });
const utcDateTime = fmt({ timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const utcDayTime = fmt({ timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const utcTime = fmt({ timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
const utcRowLabel = fmt({ timeZone: 'UTC', weekday: 'short', day: '2-digit', month: 'short' });
const localDayTime = fmt({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const localTime = fmt({ hour: '2-digit', minute: '2-digit' });
const localZoneName = fmt({ timeZoneName: 'short' });

function sameDay(a: Date, b: Date, utc: boolean): boolean {
  return utc
    ? a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10)
    : a.toDateString() === b.toDateString();
}

function zoneName(at: Date): string {
  const part = localZoneName.formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part ? part.value : localZone;
}

function time(date: Date, text: string): HTMLTimeElement {
  const node = el('time', undefined, text);
  node.dateTime = date.toISOString().replace(':00.000Z', 'Z');
  return node;
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

/** Whether the browser's zone shows `date` as UTC does (same offset): then local time repeats UTC. */
function localIsUtc(date: Date): boolean {
  return date.getTimezoneOffset() === 0;
}

function windowItem(w: ScheduledWindow, index: number): HTMLLIElement {
  const start = parseUtc(w.start);
  const end = parseUtc(w.end);
  const minutes = Math.round((end.getTime() - start.getTime()) / 60000);
  const utcEnd = sameDay(start, end, true) ? utcTime.format(end) : utcDayTime.format(end);
  const localEnd = sameDay(start, end, false) ? localTime.format(end) : localDayTime.format(end);
  const showLocal = !(localIsUtc(start) && localIsUtc(end));
  const item = el(
    'li',
    `window win-${w.maintenanceWindow % 6}`,
    el('span', 'window-index', String(index + 1)),
    el(
      'span',
      'window-text',
      el('span', 'window-utc', time(start, utcDateTime.format(start)), ' – ', time(end, utcEnd), ' UTC'),
      showLocal ? el('span', 'window-local', `${localDayTime.format(start)} – ${localEnd} ${zoneName(start)}`) : null,
    ),
    el('span', 'window-meta', duration(minutes), el('span', 'window-source', `maintenanceWindows[${w.maintenanceWindow}]`)),
  );
  item.dataset.start = w.start;
  item.dataset.end = w.end;
  return item;
}

const AXIS_X = 92;
const ROW_H = 26;
const TOP = 42;
const HOUR_MS = 3_600_000;

/** Hours from the start of the window's UTC day to its start and its end. */
function hoursOf(w: ScheduledWindow): { dayStart: number; h0: number; h1: number } {
  const start = parseUtc(w.start);
  const end = parseUtc(w.end);
  const dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  return { dayStart, h0: (start.getTime() - dayStart) / HOUR_MS, h1: Math.min(48, (end.getTime() - dayStart) / HOUR_MS) };
}

/**
 * The part of the two-day axis to draw: the hours the windows use, with an hour's margin, at least
 * six hours, on tick marks of a step that keeps the labels apart.
 */
export function axisSpan(windows: ScheduledWindow[], width: number): { from: number; to: number; step: number } {
  let lo = 48;
  let hi = 0;
  for (const w of windows) {
    const { h0, h1 } = hoursOf(w);
    lo = Math.min(lo, h0);
    hi = Math.max(hi, h1);
  }
  if (lo >= hi) return { from: 0, to: 24, step: 3 };
  lo = Math.max(0, Math.floor(lo) - 1);
  hi = Math.min(48, Math.ceil(hi) + 1);
  while (hi - lo < 6) {
    if (lo > 0) lo--;
    if (hi - lo < 6 && hi < 48) hi++;
  }
  const span = hi - lo;
  const fits = Math.max(2, Math.floor((width - AXIS_X - 14) / 44)); // labels at least 44 px apart
  const step = [1, 2, 3, 4, 6, 12].find((s) => span / s <= fits) ?? 12;
  return { from: Math.floor(lo / step) * step, to: Math.min(48, Math.ceil(hi / step) * step), step };
}

/** Drawn at the container's width in CSS pixels (redrawn when it changes), so text keeps its size. */
function drawing(windows: ScheduledWindow[], until: string | null, available: number): SVGSVGElement {
  const width = Math.max(320, Math.round(available || 560));
  const { from, to, step } = axisSpan(windows, width);
  const HOUR_PX = (width - AXIS_X - 14) / (to - from);
  const height = TOP + windows.length * ROW_H + 8;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'timeline-title',
    class: 'timeline-svg',
  });
  root.append(
    svg(
      'title',
      { id: 'timeline-title' },
      `Next maintenance windows by UTC time of day, one row per window, from ${String(from % 24).padStart(2, '0')}:00 of its day to ${String(to % 24).padStart(2, '0')}:00${to > 24 ? ' of the next day' : ''}`,
    ),
  );
  const x = (hours: number) => AXIS_X + (hours - from) * HOUR_PX;
  windows.forEach((_, row) => {
    if (row % 2 === 0) root.append(svg('rect', { x: 0, y: TOP + row * ROW_H, width, height: ROW_H, class: 'band' }));
  });
  // The day row: which day each part of the axis is (the row's date, or the day after).
  const days: { label: string; a: number; b: number }[] = [];
  if (from < 24) days.push({ label: 'day of start', a: from, b: Math.min(24, to) });
  if (to > 24) days.push({ label: 'next day', a: Math.max(24, from), b: to });
  for (const day of days) {
    const x0 = x(day.a);
    const x1 = x(day.b);
    root.append(svg('line', { x1: x0 + 2, x2: x1 - 2, y1: 10, y2: 10, class: 'day-span' }));
    root.append(svg('text', { x: (x0 + x1) / 2, y: 7, class: 'axis day', 'text-anchor': 'middle' }, day.label));
  }
  for (let h = from; h <= to; h += step) {
    const midnight = h % 24 === 0;
    root.append(
      svg('line', { x1: x(h), x2: x(h), y1: TOP - 4, y2: height - 6, class: midnight ? 'grid major' : 'grid' }),
    );
    root.append(
      svg(
        'text',
        { x: x(h), y: TOP - 9, class: midnight ? 'axis midnight' : 'axis', 'text-anchor': 'middle' },
        `${String(h % 24).padStart(2, '0')}:00`,
      ),
    );
  }
  root.append(svg('text', { x: 4, y: TOP - 9, class: 'axis' }, 'UTC'));
  const endTime = until ? parseUtc(until).getTime() : NaN;
  windows.forEach((w, row) => {
    const start = parseUtc(w.start);
    const end = parseUtc(w.end);
    const { dayStart, h0, h1 } = hoursOf(w);
    const y = TOP + row * ROW_H;
    root.append(svg('text', { x: 4, y: y + ROW_H / 2 + 4, class: 'row-label' }, utcRowLabel.format(start)));
    const barWidth = Math.max(3, (h1 - h0) * HOUR_PX);
    const bar = svg('rect', {
      x: x(h0),
      y: y + 5,
      width: barWidth,
      height: ROW_H - 10,
      rx: 4,
      class: `bar win-${w.maintenanceWindow % 6}`,
    });
    bar.append(svg('title', {}, `${w.start} – ${w.end} UTC (maintenanceWindows[${w.maintenanceWindow}])`));
    root.append(bar);
    const label = `${utcTime.format(start)}–${utcTime.format(end)}`;
    const inside = barWidth > 78;
    const after = x(h0) + barWidth + 4;
    const flip = !inside && after > width - 70;
    root.append(
      svg(
        'text',
        {
          x: inside ? x(h0) + 6 : flip ? x(h0) - 4 : after,
          y: y + ROW_H / 2 + 4,
          class: inside ? 'bar-label inside' : 'bar-label',
          'text-anchor': flip ? 'end' : 'start',
        },
        label,
      ),
    );
    if (Number.isFinite(endTime) && endTime > dayStart + from * HOUR_MS && endTime <= dayStart + to * HOUR_MS) {
      const ex = x((endTime - dayStart) / HOUR_MS);
      const mark = svg('line', { x1: ex, x2: ex, y1: y + 2, y2: y + ROW_H - 2, class: 'end-time' });
      mark.append(svg('title', {}, `endTime ${until} UTC`));
      root.append(mark);
    }
  });
  return root;
}

/** Most legend entries: the windows the calendar shows come first; the rest are counted. */
const MAX_LEGEND = 12;

/** One legend entry per declared window: colour, `maintenanceWindows[i]`, its cron and duration. */
function legend(declared: DeclaredWindow[], windows: ScheduledWindow[]): HTMLElement[] {
  const shown = new Set(windows.map((w) => w.maintenanceWindow));
  let count = declared.length;
  for (const w of windows) count = Math.max(count, w.maintenanceWindow + 1);
  // The windows shown, then the others in order, at most MAX_LEGEND in all, listed by index.
  const listed = new Set([...shown].slice(0, MAX_LEGEND));
  for (let i = 0; i < count && listed.size < MAX_LEGEND; i++) listed.add(i);
  const items: HTMLElement[] = [];
  for (const i of [...listed].sort((a, b) => a - b)) {
    const d = declared[i];
    const item = el(
      'li',
      `legend-item win-${i % 6}`,
      el('span', 'swatch'),
      el('code', 'legend-name', `maintenanceWindows[${i}]`),
      d?.startTime ? el('code', 'legend-cron', d.startTime) : null,
      d && typeof d.durationInMinutes === 'number' ? el('span', 'legend-duration', duration(d.durationInMinutes)) : null,
      shown.has(i) ? null : el('span', 'legend-none', 'not shown: see the schedule diagnostics'),
    );
    item.dataset.window = String(i);
    items.push(item);
  }
  if (count > listed.size) {
    const more = count - listed.size;
    items.push(el('li', 'legend-more', `and ${more} more maintenance window${more === 1 ? '' : 's'}, not in the calendar`));
  }
  return items;
}

export interface ScheduleElements {
  summary: HTMLElement;
  legend: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  timeline: HTMLElement;
}

export function renderSchedule(ui: ScheduleElements, schedule: Schedule, declared: DeclaredWindow[] = []): void {
  const from = parseUtc(schedule.from);
  const parts: (string | Node)[] = [];
  if (!Number.isNaN(from.getTime())) parts.push('From ', time(from, `${utcDateTime.format(from)} UTC`));
  if (schedule.until) {
    const until = parseUtc(schedule.until);
    if (!Number.isNaN(until.getTime())) parts.push(' until ', time(until, `${utcDateTime.format(until)} UTC`), ' (endTime)');
  }
  // Windows whose startTime has an error (or never fires) are not in the lists: say so.
  const left = schedule.declaredWindows - schedule.previewableWindows;
  if (left > 0 && schedule.windows.length > 0) {
    parts.push(
      parts.length ? ' · ' : '',
      `${left} of ${schedule.declaredWindows} windows left out: see the schedule diagnostics`,
    );
  }
  ui.summary.replaceChildren(...parts);

  const windows = schedule.windows;
  ui.list.replaceChildren(...windows.map(windowItem));
  ui.list.hidden = windows.length === 0;
  ui.empty.hidden = windows.length !== 0;
  // Decided by what the input declares, not by whether there are diagnostics: the schedule's
  // diagnostics also carry the input's JSON-level ones (a repeated member, say).
  const unread = schedule.diagnostics.some((d) => d.code === 'input/too-large' || d.code === 'input/template-not-checked');
  ui.empty.textContent = unread
    ? 'Not checked, so no windows to show: see the problems.'
    : schedule.declaredWindows === 0
      ? 'No maintenance windows: the rollout is not limited to windows.'
      : 'No window to show: see the schedule diagnostics.';
  ui.timeline.hidden = windows.length === 0;
  ui.legend.replaceChildren(...(windows.length ? legend(declared, windows) : []));
  ui.legend.hidden = windows.length === 0;
  drawn = { ui, windows, until: schedule.until, width: ui.timeline.clientWidth };
  ui.timeline.replaceChildren(...(windows.length ? [drawing(windows, schedule.until, drawn.width)] : []));
  if (!observer) {
    observer = new ResizeObserver(() => {
      if (!drawn || !drawn.windows.length || drawn.ui.timeline.clientWidth === drawn.width) return;
      drawn.width = drawn.ui.timeline.clientWidth;
      drawn.ui.timeline.replaceChildren(drawing(drawn.windows, drawn.until, drawn.width));
    });
    observer.observe(ui.timeline);
  }
}

let drawn: { ui: ScheduleElements; windows: ScheduledWindow[]; until: string | null; width: number } | null = null;
let observer: ResizeObserver | null = null;

export { localZone };
