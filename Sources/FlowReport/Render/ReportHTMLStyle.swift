/// The inline style sheet of `ReportHTML`: system fonts, a centred column that fits a laptop
/// screen, and the colours of the SVG charts.
enum ReportHTMLStyle {
    static let css = """
    :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f6fdf; --up: #1f8a4c; --down: #c0392b; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
    header, main { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
    h1 { margin: 8px 0 4px; font-size: 26px; }
    h2 { margin: 0 0 4px; font-size: 21px; }
    h3 { margin: 18px 0 6px; font-size: 16px; color: var(--muted); }
    code { font: 13px ui-monospace, "DejaVu Sans Mono", monospace; }
    nav a { margin-right: 12px; color: var(--accent); }
    .note { color: var(--muted); margin: 4px 0 10px; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 140px; }
    .card span { display: block; color: var(--muted); font-size: 13px; }
    .card strong { font-size: 17px; }
    .flow { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 20px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
    svg { display: block; max-width: 100%; height: auto; }
    svg text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
    svg .label { fill: var(--muted); }
    .funnel-bar, .bar { fill: var(--accent); }
    .bar-track { fill: #e4e7eb; }
    .bar-cell { display: flex; align-items: center; gap: 8px; }
    .bar-cell svg { flex: none; }
    .bar-caption { font-size: 13px; white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
    th { color: var(--muted); font-weight: 600; }
    td.num { text-align: right; white-space: nowrap; }
    tr.variant td { background: #f8fafc; }
    .zero { stroke: var(--muted); stroke-dasharray: 2 2; }
    .ci { stroke-width: 4; stroke: var(--muted); }
    .point { fill: var(--muted); }
    .ci.up { stroke: var(--up); } .point.up { fill: var(--up); }
    .ci.down { stroke: var(--down); } .point.down { fill: var(--down); }
    .verdict.treatment_wins { color: var(--up); font-weight: 600; }
    .verdict.baseline_wins { color: var(--down); font-weight: 600; }
    """
}
