"""Gate: accessibility with axe-core (WCAG 2.1 A and AA rules) in real Chromium, on one
page of every page kind, at each screenshot width."""

from __future__ import annotations

from pathlib import Path

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_JS = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary || ''}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def axe_source() -> str:
    import selenium_axe_python  # ships axe-core's axe.min.js

    path = Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js"
    return path.read_text(encoding="utf-8")


class Axe:
    name = "axe"

    def __init__(self) -> None:
        self.source = axe_source()
        self.version = ""

    def run(self, browser) -> list[dict]:
        """Runs axe on the page loaded in the browser; returns its violations."""
        browser.script(self.source)
        result = browser.async_script(RUN_JS, TAGS)
        if not isinstance(result, dict) or "error" in result:
            raise RuntimeError(f"axe failed: {result}")
        self.version = result.get("version", "")
        return result["violations"]

    @staticmethod
    def describe(page: str, width: int, v: dict) -> list[str]:
        lines = [f"{page} @{width}px: {v['id']} ({v.get('impact') or 'n/a'}): {v['help']}  <{v.get('helpUrl', '')}>"]
        for n in v["nodes"][:10]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else str(t) for t in n["target"])
            summary = "; ".join(line.strip() for line in n.get("summary", "").splitlines() if line.strip())
            summary = summary.replace(":;", ":")
            lines.append(f"    target: {target}" + (f"  -- {summary[:300]}" if summary else ""))
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more elements")
        return lines
