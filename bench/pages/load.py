"""One headless locust run, as a library: ``python load.py CONFIG.json`` prints a JSON result.

Runs in the benchmark's own venv (locust is not a dependency of the platform; it is in the
``bench`` extra). ``bench/pages/run.py`` writes the config and reads the result; this file
imports nothing from the project, so the same interpreter loads both sites.

Config: ``host``, ``users``, ``seconds``, ``pages`` (a list of ``[name, path]``), ``sessions``
(one ``Cookie`` header value per signed-in member, shared round robin between the simulated
users) and ``headers`` (sent with every request, e.g. ``X-Forwarded-Proto: https`` as the
proxy in front of gunicorn would). The cookie goes in a header because the production session
cookie is ``Secure``: a client's cookie jar would not send it over plain HTTP to gunicorn.

Result: per page, the response times (milliseconds, as locust rounds them) with their counts,
so that rounds can be merged before taking percentiles, plus requests, failures and seconds.
"""

from __future__ import annotations

import gevent.monkey

gevent.monkey.patch_all()

import itertools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
from locust import FastHttpUser, constant, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402


def main() -> None:
    config = json.loads(open(sys.argv[1], encoding="utf-8").read())  # noqa: SIM115
    sessions = itertools.cycle(config["sessions"] or [""])
    pages = config["pages"]
    failures: dict[str, int] = {}
    starts = itertools.count()

    class Member(FastHttpUser):
        host = config["host"]
        wait_time = constant(0)

        def on_start(self) -> None:
            self.headers = dict(config["headers"])
            cookie = next(sessions)
            if cookie:
                self.headers["Cookie"] = cookie
            self.cycle = itertools.cycle(pages)
            # Spread the users over the pages so that all pages are in flight at once.
            for _ in range(next(starts) % len(pages)):
                next(self.cycle)

        @task
        def visit(self) -> None:
            name, path = next(self.cycle)
            with self.client.get(
                path, name=name, headers=self.headers, allow_redirects=False, catch_response=True
            ) as response:
                if response.status_code != 200:
                    failures[f"{name}: HTTP {response.status_code}"] = (
                        failures.get(f"{name}: HTTP {response.status_code}", 0) + 1
                    )
                    response.failure(f"HTTP {response.status_code}")

    environment = Environment(user_classes=[Member], events=events)
    runner = environment.create_local_runner()
    started = time.monotonic()
    runner.start(config["users"], spawn_rate=config["users"])
    gevent.sleep(config["seconds"])
    runner.quit()
    elapsed = time.monotonic() - started
    result = {
        "seconds": elapsed,
        "pages": {
            name: {
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "response_times": {str(k): v for k, v in entry.response_times.items()},
            }
            for (name, _method), entry in environment.stats.entries.items()
        },
        "failures": failures,
        "errors": [
            f"{error.name}: {error.error} x{error.occurrences}"
            for error in environment.stats.errors.values()
        ],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
