"""The offline demo: the bundled sample articles served as an RSS feed and pages on 127.0.0.1.

The feed carries only a one-sentence summary per article, so ingestion must fetch each page
and extract its main text, exactly as it does for real outlets.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

DEMO_ARTICLES = Path(__file__).resolve().parent / "data" / "demo" / "articles.jsonl"
FEED_PATH = "/feed.xml"


@dataclass(frozen=True, slots=True)
class DemoArticle:
    slug: str
    title: str
    published: date
    text: str

    @property
    def summary(self) -> str:
        first = self.text.split("\n", 1)[0]
        return first if len(first) <= 240 else first[:239].rsplit(" ", 1)[0] + "…"


def load_demo_articles(path: Path = DEMO_ARTICLES) -> list[DemoArticle]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            articles.append(
                DemoArticle(
                    item["slug"], item["title"], date.fromisoformat(item["published"]), item["text"]
                )
            )
    return articles


def render_feed(articles: list[DemoArticle], base_url: str) -> bytes:
    items = []
    for article in sorted(articles, key=lambda a: a.published, reverse=True):
        when = format_datetime(datetime.combine(article.published, time(9), tzinfo=UTC))
        link = f"{base_url}/articles/{article.slug}.html"
        items.append(
            "<item>"
            f"<title>{escape(article.title)}</title>"
            f"<link>{escape(link)}</link>"
            f'<guid isPermaLink="false">sitrep-demo:{escape(article.slug)}</guid>'
            f"<pubDate>{when}</pubDate>"
            f"<description>{escape(article.summary)}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>Sitrep demo</title>"
        f"<link>{escape(base_url)}/</link>"
        "<description>Articles written for Sitrep's development corpus</description>"
        "<language>en</language>" + "".join(items) + "</channel></rss>\n"
    ).encode()


def render_page(article: DemoArticle) -> bytes:
    paragraphs = "\n".join(
        f"<p>{html.escape(p.strip())}</p>" for p in article.text.split("\n") if p.strip()
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(article.title)}</title>"
        f"<meta property='article:published_time' content='{article.published}T09:00:00Z'>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<main><article><h1>{html.escape(article.title)}</h1>{paragraphs}</article></main>"
        "<footer>Sitrep demo site. Back to top</footer></body></html>"
    ).encode()


class DemoSite:
    """A small HTTP server in a thread; ``url`` is the feed's address once started."""

    def __init__(self, articles: list[DemoArticle], host: str = "127.0.0.1", port: int = 0):
        self.articles = {a.slug: a for a in articles}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body, kind = site.respond(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", kind)
                payload = body if body is not None else b"not found"
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the service's own log says what was fetched."""

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://{host}:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return self.base_url + FEED_PATH

    def respond(self, path: str) -> tuple[bytes | None, str]:
        if path == FEED_PATH:
            return render_feed(list(self.articles.values()), self.base_url), "application/rss+xml"
        if path.startswith("/articles/") and path.endswith(".html"):
            article = self.articles.get(path[len("/articles/") : -len(".html")])
            if article:
                return render_page(article), "text/html; charset=utf-8"
        return None, "text/plain"

    def start(self) -> DemoSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
