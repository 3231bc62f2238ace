"""The app's one link host: started on demand, on 127.0.0.1 or the local network, stopped once.

The share wizard and the Shared links page publish through the same host, so every link made
in the app carries the same address and one Stop (or the booth's Start over) ends it for all.
A host found running elsewhere (``xshare shl serve``, another window) is reused, never stopped.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from xshare_desktop.core.errors import UserFacingError
from xshare_desktop.core.i18n import QT_TRANSLATE_NOOP
from xshare_desktop.core.shl.host import RunningHost, http_base, lan_address, serve
from xshare_desktop.core.shl.host_settings import (
    HostSettings,
    load_host_settings,
    save_host_settings,
)

LOOPBACK = "127.0.0.1"


ALL_INTERFACES = "0.0.0.0"


@dataclass(frozen=True)
class LinkHostState:
    """What links made now will carry, and whether this app can stop that host."""

    base_url: str | None = None
    local_network: bool = False
    # False when another program's host (``xshare shl serve``, another window) answered.
    owned: bool = False

    @property
    def running(self) -> bool:
        return self.base_url is not None


_host_lock = threading.RLock()
_host: RunningHost | None = None
_host_url: str | None = None  # what links carry: differs from _host.base_url on the network
_host_on_network = False
_reused_url: str | None = None
_listeners: list[Callable[[], None]] = []


def _answers_as_link_host(base_url: str, timeout: float = 1.0) -> bool:
    """True when ``base_url`` is one of our link hosts (another window's or ``xshare shl serve``).

    An unknown location token gets our host's JSON 404 with its CORS header; any other
    program on that port answers differently or not at all.
    """
    probe = base_url.rstrip("/") + "/shl/file/" + "A" * 43
    request = urllib.request.Request(probe, method="GET")
    # The host is on this machine: a proxy (http_proxy) would not reach it, or would answer
    # in its place.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout):
            return False
    except urllib.error.HTTPError as exc:
        with exc:
            exposed = exc.headers.get("Access-Control-Expose-Headers", "")
            return exc.code == 404 and "Retry-After" in exposed
    except (OSError, ValueError):
        return False


def add_link_host_listener(listener: Callable[[], None]) -> None:
    """Call ``listener()`` (from whichever thread made the change) when the host starts or stops."""
    with _host_lock:
        if listener not in _listeners:
            _listeners.append(listener)


def remove_link_host_listener(listener: Callable[[], None]) -> None:
    with _host_lock:
        if listener in _listeners:
            _listeners.remove(listener)


def _tell_listeners() -> None:
    with _host_lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener()


def link_host_state() -> LinkHostState:
    """The host links made now would carry (this app's, or one it found running)."""
    with _host_lock:
        if _host is not None and _host.running:
            return LinkHostState(_host_url, _host_on_network, owned=True)
        if _reused_url is not None:
            return LinkHostState(_reused_url, owned=False)
        return LinkHostState()


def link_host_url() -> str | None:
    """The base URL of the host this process started, if it still runs."""
    state = link_host_state()
    return state.base_url if state.owned else None


def _stop_owned() -> bool:
    global _host, _host_url, _host_on_network, _reused_url
    running, _host, _host_url, _host_on_network, _reused_url = _host, None, None, False, None
    if running is None:
        return False
    running.stop()
    return True


def _serve_remembered_port(bind: str) -> RunningHost:
    previous = load_host_settings()
    port = previous.port if previous is not None and previous.host == bind else 0
    try:
        return serve(bind, port)
    except OSError:
        return serve(bind, 0)


def _start_loopback() -> str:
    global _host, _host_url, _reused_url
    previous = load_host_settings()
    if previous is not None and _answers_as_link_host(previous.base_url):
        _reused_url = previous.base_url
        return previous.base_url
    running = _serve_remembered_port(LOOPBACK)
    save_host_settings(HostSettings(running.base_url, LOOPBACK, running.port))
    _host, _host_url = running, running.base_url
    return running.base_url


def _network_address() -> str:
    public = lan_address()
    if public is None:
        raise UserFacingError(
            QT_TRANSLATE_NOOP(
                "Core", "This computer is not on a local network, so a phone cannot reach it."
            )
        )
    return public


def _start_local_network(public: str) -> str:
    global _host, _host_url, _host_on_network
    running = _serve_remembered_port(ALL_INTERFACES)
    url = http_base(public, running.port)
    save_host_settings(HostSettings(url, ALL_INTERFACES, running.port))
    _host, _host_url, _host_on_network = running, url, True
    return url


def network_address_preview() -> str | None:
    """The address phones would reach the host at on the local network, before it runs there.

    The host's own address when it already runs on the network; else this computer's
    network address with the port it will try first; None when the computer has no network.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.local_network and state.base_url is not None:
            return state.base_url
    address = lan_address()
    if address is None:
        return None
    previous = load_host_settings()
    if previous is not None and previous.host == ALL_INTERFACES:
        return http_base(address, previous.port)
    return f"http://{address}"  # lan_address() is IPv4; the port is chosen at the start


def ensure_link_host() -> str:
    """The base URL of a running link host, starting one on 127.0.0.1 when none answers.

    A host already running (on the local network too, when the person turned that on) is
    used as it is.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.base_url is not None:
            return state.base_url
        _stop_owned()  # a host whose thread died is cleared away first
        url = _start_loopback()
    _tell_listeners()
    return url


def start_link_host(*, local_network: bool = False) -> str:
    """Run the one host on the chosen interface, restarting it when it runs on the other.

    ``local_network`` binds all interfaces so a phone on the same network can fetch links;
    only call it after the person chose that and saw the warning.
    """
    with _host_lock:
        state = link_host_state()
        if state.owned and state.local_network == local_network and state.base_url is not None:
            return state.base_url
        # Asked first, so a computer without a network keeps the host it has.
        public = _network_address() if local_network else None
        _stop_owned()
        url = _start_local_network(public) if public is not None else _start_loopback()
    _tell_listeners()
    return url


def stop_link_host() -> bool:
    """Stop the host this process started (links then wait until a host runs again).

    A host found running elsewhere is only forgotten: this app cannot stop it.
    """
    with _host_lock:
        was_running = link_host_state().running
        stopped = _stop_owned()
    if was_running:
        _tell_listeners()
    return stopped
