#!/usr/bin/env python3
"""The book in a real browser: builds it for cases/ with fearless-check --book,
opens every page in headless Chromium (Debian's, driven over the DevTools
protocol with the standard library only) and checks that

  - every case has exactly one page, linked exactly once from the index;
  - every internal link resolves (file and #anchor); nothing is fetched but file:
  - no page logs a console error or throws;
  - a compile-fail page shows its highlighted line with the annotation and at
    least one diagnostic; a run page shows what it prints;
  - the index filters: ?q=... on load and typing in the box leave visible
    exactly the cases holding every word, and the counter says so;
  - nothing is wider than the window at 390px (a phone) and 1280px.

Screenshots of the index and the Listing 16-14 page at both widths are left in
OUT/screenshots/. Usage: browser_test.py FEARLESS_CHECK OUT (run from the root).
"""
import base64
import html.parser
import json
import os
import pathlib
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

BUDGET_S = 110
WIDTHS = (390, 1280)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


class WebSocket:
    """Just enough of RFC 6455 for one DevTools connection: text frames."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            self.buf += self._chunk()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"websocket handshake refused: {head[:200]!r}")

    def _chunk(self):
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise EOFError("DevTools closed the connection")
        return chunk

    def _read(self, n):
        while len(self.buf) < n:
            self.buf += self._chunk()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send(self, text):
        data, mask = text.encode(), os.urandom(4)
        n = len(data)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(n)
            if b0 & 0x0F == 8:
                raise EOFError("DevTools closed the connection")
            if b0 & 0x0F in (9, 10):
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Tab:
    """One page target: commands, and the events that arrive meanwhile."""

    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            m = json.loads(self.ws.recv())
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait(self, event):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == event:
                    return self.events.pop(i)
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait("Page.loadEventFired")
        return self.problems()

    def problems(self):
        """Console errors, exceptions and non-file requests seen since the last call."""
        out = []
        for m in self.events:
            method, p = m.get("method"), m.get("params", {})
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console error: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif method == "Runtime.exceptionThrown":
                out.append("exception: " + p["exceptionDetails"].get("text", "") +
                           str(p["exceptionDetails"].get("exception", {}).get("description", "")))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append("log error: " + p["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if not url.startswith(("file:", "data:", "about:")):
                    out.append("network request: " + url)
        self.events = [m for m in self.events if not m.get("method", "").startswith(("Runtime.", "Log.", "Network."))]
        return out

    def resize(self, width):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1,
                  mobile=width < 600)

    def screenshot(self, path):
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        self.call("Emulation.setDeviceMetricsOverride", width=int(self.evaluate("window.innerWidth")),
                  height=min(height, 6000), deviceScaleFactor=1, mobile=self.evaluate("window.innerWidth") < 600)
        png = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(png))


def start_chromium(profile):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("browser test: chromium is not installed (Debian: apt-get install chromium)")
    args = [exe, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--remote-debugging-port=0", f"--user-data-dir={profile}", "--allow-file-access-from-files",
            "about:blank"]
    if os.geteuid() == 0:
        args.insert(1, "--no-sandbox")
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 30
    for line in proc.stderr:
        if line.startswith("DevTools listening on "):
            port = urllib.parse.urlparse(line.split()[-1]).port
            break
        if time.time() > deadline:
            break
    else:
        sys.exit("browser test: chromium did not start")
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t["type"] == "page")
    return proc, Tab(WebSocket(page["webSocketDebuggerUrl"]))


class Links(html.parser.HTMLParser):
    """Anchors, ids, and the index's case cards (their link and data-text)."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.ids, self.cards, self._card = [], set(), [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "li" and "case" in a.get("class", "").split():
            self._card = {"text": a.get("data-text", ""), "href": None}
            self.cards.append(self._card)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self._card is not None and self._card["href"] is None:
                self._card["href"] = a["href"]

    def handle_endtag(self, tag):
        if tag == "li":
            self._card = None


def parse(path):
    p = Links()
    p.feed(path.read_text())
    return p


def check_links(out, page, parsed):
    for href in parsed.hrefs:
        u = urllib.parse.urlparse(href)
        if u.scheme:
            fail(f"{page.relative_to(out)}: link leaves the book: {href}")
            continue
        target = (page.parent / u.path).resolve() if u.path else page
        if not target.is_file():
            fail(f"{page.relative_to(out)}: broken link {href}")
        elif u.fragment and u.fragment not in parse(target).ids:
            fail(f"{page.relative_to(out)}: no #{u.fragment} in {target.relative_to(out.resolve())}")


def case_pages(path):
    """The book's pages of one case file: one per revision (`//@ revisions: a b` gives name.a, name.b)."""
    name = str(path.relative_to("cases").with_suffix(""))
    m = re.search(r"^//@ revisions:(.*)$", path.read_text(errors="replace"), re.M)
    return [f"{name}.{rev}" for rev in m.group(1).split()] if m else [name]


def main():
    exe, out = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    start = time.time()
    shutil.rmtree(out, ignore_errors=True)
    built = subprocess.run([str(exe), "--book", str(out)], capture_output=True, text=True)
    print(built.stdout + built.stderr, end="")
    if built.returncode != 0:
        sys.exit(f"browser test: fearless-check --book exited {built.returncode}")
    print(f"book built in {time.time() - start:.2f}s")
    shots = out / "screenshots"
    shots.mkdir()

    cases = sorted(page for p in pathlib.Path("cases").rglob("*.cpp") for page in case_pages(p))
    pages = sorted(str(p.relative_to(out / "cases").with_suffix("")) for p in (out / "cases").rglob("*.html"))
    if pages != cases:
        fail(f"pages and cases differ: only pages {sorted(set(pages) - set(cases))}, "
             f"only cases {sorted(set(cases) - set(pages))}")
    index = parse(out / "index.html")
    linked = [c["href"] for c in index.cards]
    for case in cases:
        n = linked.count(f"cases/{case}.html")
        if n != 1:
            fail(f"index links {case} {n} times, not once")
    check_links(out, out / "index.html", index)
    for page in (out / "cases").rglob("*.html"):
        check_links(out, page, parse(page))

    profile = tempfile.mkdtemp(prefix="fearless-book-chromium-")
    proc, tab = start_chromium(profile)
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            tab.call(f"{domain}.enable")
        probe = """JSON.stringify({
            mode: (document.querySelector('.badge.fail, .badge.pass') || {}).textContent,
            marked: [...document.querySelectorAll('.code .hl')].filter(e => e.offsetHeight > 0).length,
            notes: [...document.querySelectorAll('.code .hl .note')].filter(e => e.offsetHeight > 0).length,
            diagnostics: [...document.querySelectorAll('.diagnostics .panel pre')]
                .filter(e => e.offsetHeight > 0 && e.textContent.includes('error')).length,
            stdout: [...document.querySelectorAll('pre.stdout')].filter(e => e.offsetHeight > 0).length,
            overflow: document.documentElement.scrollWidth - window.innerWidth })"""
        for width in WIDTHS:
            tab.resize(width)
            for page in ["index"] + ["cases/" + c for c in cases]:
                problems = tab.open((out / f"{page}.html").as_uri())
                for p in problems:
                    fail(f"{page} at {width}px: {p}")
                r = json.loads(tab.evaluate(probe))
                if r["overflow"] > 0:
                    fail(f"{page} at {width}px: {r['overflow']}px wider than the window")
                if page == "index":
                    continue
                if r["mode"] == "compile-fail" and (r["marked"] < 1 or r["notes"] < 1 or r["diagnostics"] < 1):
                    fail(f"{page} at {width}px: shows {r['marked']} marked lines, {r['notes']} annotations, "
                         f"{r['diagnostics']} diagnostics")
                if r["mode"] in ("run-pass", "run-fail") and r["stdout"] < 1:
                    fail(f"{page} at {width}px: does not show what it prints")
            for name, page in (("index", "index"), ("listing-16-14", "cases/listings/16-14-rc-across-threads")):
                tab.open((out / f"{page}.html").as_uri())
                tab.screenshot(shots / f"{name}-{width}.png")
                tab.resize(width)

        def expected(words):
            return sum(all(w in c["text"] for w in words.lower().split()) for c in index.cards)

        def shown():
            return json.loads(tab.evaluate("""JSON.stringify([
                document.querySelectorAll('.case:not([hidden])').length,
                Number(document.getElementById('shown').textContent)])"""))

        for words in ("cannot be sent", "Listing 16-14", "no such words anywhere"):
            tab.open((out / "index.html").as_uri() + "?q=" + urllib.parse.quote(words))
            want = expected(words)
            if shown() != [want, want]:
                fail(f"index?q={words}: shows {shown()} (visible, counter), want {want}")
            if words == "cannot be sent" and not 0 < want < len(index.cards):
                fail(f"index?q={words}: {want} of {len(index.cards)} cases match: the filter is not tested")
        tab.open((out / "index.html").as_uri())
        tab.evaluate("document.getElementById('q').focus()")
        tab.call("Input.insertText", text="rc")
        if shown() != [expected("rc")] * 2:
            fail(f"typing 'rc' in the box: shows {shown()}, want {expected('rc')}")
        for p in tab.problems():
            fail(f"index while filtering: {p}")
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)

    elapsed = time.time() - start
    print(f"browser test: {len(cases)} pages at {len(WIDTHS)} widths in {elapsed:.1f}s; screenshots in "
          f"{shots.relative_to(pathlib.Path.cwd().resolve()) if shots.is_relative_to(pathlib.Path.cwd().resolve()) else shots}")
    if elapsed > BUDGET_S:
        fail(f"took {elapsed:.0f}s, more than {BUDGET_S}s")
    if failures:
        sys.exit(f"browser test: {len(failures)} failure(s)")
    print("browser test: passed")


if __name__ == "__main__":
    main()
