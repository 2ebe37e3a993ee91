// The schedule view: the next maintenance windows from the package's schedule() as a list (UTC
// and the browser's time zone) and as a drawing, one row per window on a two-day UTC axis (a
// window lasts at most 1430 minutes, so it always ends within the day after its start).
import type { Schedule, ScheduledWindow } from 'iot-jobs-lint';
import { el, svg } from './dom';

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

function windowItem(w: ScheduledWindow, index: number): HTMLLIElement {
  const start = parseUtc(w.start);
  const end = parseUtc(w.end);
  const minutes = Math.round((end.getTime() - start.getTime()) / 60000);
  const utcEnd = sameDay(start, end, true) ? utcTime.format(end) : utcDayTime.format(end);
  const localEnd = sameDay(start, end, false) ? localTime.format(end) : localDayTime.format(end);
  const item = el(
    'li',
    `window win-${w.maintenanceWindow % 6}`,
    el('span', 'window-index', String(index + 1)),
    el(
      'span',
      'window-text',
      el('span', 'window-utc', time(start, utcDateTime.format(start)), ' – ', time(end, utcEnd), ' UTC'),
      el(
        'span',
        'window-local',
        `${localDayTime.format(start)} – ${localEnd} ${zoneName(start)}`,
      ),
    ),
    el('span', 'window-meta', duration(minutes), el('span', 'window-source', `maintenanceWindows[${w.maintenanceWindow}]`)),
  );
  item.dataset.start = w.start;
  item.dataset.end = w.end;
  return item;
}

const AXIS_X = 92;
const ROW_H = 26;
const TOP = 26;

/** Drawn at the container's width in CSS pixels (redrawn when it changes), so text keeps its size. */
function drawing(windows: ScheduledWindow[], until: string | null, available: number): SVGSVGElement {
  const width = Math.max(320, Math.round(available || 560));
  const HOUR_PX = (width - AXIS_X - 14) / 48;
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
    svg('title', { id: 'timeline-title' }, 'Next maintenance windows by UTC time of day, one row per window, over its day and the next'),
  );
  const x = (hours: number) => AXIS_X + hours * HOUR_PX;
  windows.forEach((_, row) => {
    if (row % 2 === 0) root.append(svg('rect', { x: 0, y: TOP + row * ROW_H, width, height: ROW_H, class: 'band' }));
  });
  for (let h = 0; h <= 48; h += 3) {
    const major = h % 24 === 0;
    root.append(
      svg('line', { x1: x(h), x2: x(h), y1: TOP - 4, y2: height - 6, class: major ? 'grid major' : h % 6 === 0 ? 'grid' : 'grid minor' }),
    );
    if (h % 6 === 0) {
      const label = h === 24 ? '00 +1d' : h === 48 ? '24' : String(h % 24).padStart(2, '0');
      root.append(svg('text', { x: x(h), y: TOP - 9, class: 'axis', 'text-anchor': 'middle' }, label));
    }
  }
  root.append(svg('text', { x: 4, y: TOP - 9, class: 'axis' }, 'UTC'));
  const endTime = until ? parseUtc(until).getTime() : NaN;
  windows.forEach((w, row) => {
    const start = parseUtc(w.start);
    const end = parseUtc(w.end);
    const dayStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    const y = TOP + row * ROW_H;
    const h0 = (start.getTime() - dayStart) / 3_600_000;
    const h1 = Math.min(48, (end.getTime() - dayStart) / 3_600_000);
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
    root.append(
      svg(
        'text',
        {
          x: inside ? x(h0) + 6 : x(h0) + barWidth + 4 > width - 70 ? x(h0) - 4 : x(h0) + barWidth + 4,
          y: y + ROW_H / 2 + 4,
          class: inside ? 'bar-label inside' : 'bar-label',
          'text-anchor': !inside && x(h0) + barWidth + 4 > width - 70 ? 'end' : 'start',
        },
        label,
      ),
    );
    if (Number.isFinite(endTime) && endTime > dayStart && endTime <= dayStart + 48 * 3_600_000) {
      const ex = x((endTime - dayStart) / 3_600_000);
      const mark = svg('line', { x1: ex, x2: ex, y1: y + 2, y2: y + ROW_H - 2, class: 'end-time' });
      mark.append(svg('title', {}, `endTime ${until} UTC`));
      root.append(mark);
    }
  });
  return root;
}

export interface ScheduleElements {
  summary: HTMLElement;
  list: HTMLOListElement;
  empty: HTMLElement;
  timeline: HTMLElement;
}

export function renderSchedule(ui: ScheduleElements, schedule: Schedule): void {
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
  ui.empty.textContent =
    schedule.declaredWindows === 0
      ? 'No maintenance windows: the rollout is not limited to windows.'
      : 'No window to show: see the schedule diagnostics.';
  ui.timeline.hidden = windows.length === 0;
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
