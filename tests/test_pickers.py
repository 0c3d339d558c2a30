"""The merge picker (`m`) and the path picker (`p`) search off the screen's thread: a slow search
never freezes typing, a stale result never overwrites a newer one, and `enter` typed before the
results arrive picks the top one when they do."""

from __future__ import annotations

import threading

from textual.widgets import Input, OptionList, Static

from app_helpers import Host
from tui.screens.merge_picker import MergePicker
from tui.screens.path import PathScreen

SIZE = (100, 30)



class SlowEngine:
    """A search stub: a query in `slow` blocks until `release` is set (as a search at 1M people
    on a busy machine would); every call records whether it ran on the main thread."""

    def __init__(self, slow: set[str]) -> None:
        self.slow = slow
        self.release = threading.Event()
        self.running: set[str] = set()
        self.on_main_thread: list[bool] = []

    def find(self, query: str) -> list[tuple[int, str, str]]:
        self.on_main_thread.append(threading.current_thread() is threading.main_thread())
        if query in self.slow:
            self.running.add(query)
            self.release.wait(10)
            self.running.discard(query)
        return [(len(query) * 10 + i, f"{query.title()} Person {i}", "detail") for i in range(3)]


def _options(screen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [options.get_option_at_index(i).prompt.plain.split("  ")[0] for i in range(options.option_count)]


async def _until(pilot, condition, rounds: int = 200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("condition never became true")


async def test_merge_picker_keeps_typing_while_a_slow_search_runs_and_drops_its_stale_result():
    engine = SlowEngine(slow={"w"})
    host = Host(MergePicker({"id": 1, "name": "Someone", "type": "person"}, engine.find))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await _until(pilot, lambda: "w" in engine.running)
        await pilot.press("a")  # the screen still takes keys while "w" is being searched
        await _until(pilot, lambda: _options(host.screen, "#merge-options") == ["Wa Person 0", "Wa Person 1", "Wa Person 2"])
        assert host.screen.query_one(Input).value == "wa"
        assert "w" in engine.running  # the slow search is still going
        engine.release.set()
        await host.workers.wait_for_complete()
        await pilot.pause()
        # the stale "w" results arrived last and were dropped
        assert _options(host.screen, "#merge-options") == ["Wa Person 0", "Wa Person 1", "Wa Person 2"]
        await pilot.press("enter")
        await pilot.pause()
    assert not any(engine.on_main_thread)
    assert host.results == [(20, "Wa Person 0")]


async def test_merge_picker_enter_before_the_results_picks_the_top_one_when_they_land():
    engine = SlowEngine(slow={"jo"})
    host = Host(MergePicker({"id": 1, "name": "Someone", "type": "person"}, engine.find))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("j", "o")
        await _until(pilot, lambda: "jo" in engine.running)
        await pilot.press("enter")
        await pilot.pause()
        assert host.results == []  # nothing to pick yet, the dialog waits
        engine.release.set()
        # (not workers.wait_for_complete(): the pick closes the dialog, which may cancel its finishing worker)
        await _until(pilot, lambda: host.results)
    assert host.results == [(20, "Jo Person 0")]


async def test_merge_picker_never_offers_the_record_itself_and_clears_on_empty_query():
    host = Host(MergePicker({"id": 20, "name": "Someone", "type": "person"},
                            lambda q: [(20, "Itself", ""), (21, "Other", ""), (21, "Other", "")]))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("o", "t")
        await host.workers.wait_for_complete()
        await _until(pilot, lambda: _options(host.screen, "#merge-options") == ["Other"])
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert _options(host.screen, "#merge-options") == []


async def test_merge_picker_search_error_is_one_line_not_a_crash():
    def broken(query):
        raise RuntimeError("database is\nlocked")

    host = Host(MergePicker({"id": 1, "name": "Someone", "type": "person"}, broken))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(host.screen, MergePicker)
        assert any("database is locked" in str(n.message) for n in host._notifications)


async def test_path_picker_searches_and_finds_the_chain_off_the_screen_thread():
    engine = SlowEngine(slow={"m"})
    chain_threads: list[bool] = []
    chain_release = threading.Event()

    def find_path(other: int):
        chain_threads.append(threading.current_thread() is threading.main_thread())
        chain_release.wait(10)
        return [{"type": "person", "id": 1, "name": "Start"}, {"type": "organization", "id": 7, "name": "Shared"},
                {"type": "person", "id": other, "name": "End"}]

    host = Host(PathScreen((1, "Start"), engine.find, find_path))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await _until(pilot, lambda: "m" in engine.running)
        await pilot.press("a")
        await _until(pilot, lambda: _options(host.screen, "#path-options")[:1] == ["Ma Person 0"])
        engine.release.set()
        await pilot.press("enter")
        await _until(pilot, lambda: chain_threads)
        # the chain is being computed: the screen says so and still answers keys
        assert "Looking for a path" in str(host.screen.query_one("#path-result", Static).render())
        await pilot.press("x")
        assert host.screen.query_one(Input).value == "max"
        chain_release.set()
        await host.workers.wait_for_complete()
        await _until(pilot, lambda: "Start → Shared → End" in str(host.screen.query_one("#path-result", Static).render()))
    assert not any(engine.on_main_thread) and chain_threads == [False]
