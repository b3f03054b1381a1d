#!/usr/bin/python3
# test-app-atspi.py — starts the real stridestrong binary and drives it
# through the accessibility tree (AT-SPI, dogtail), as a user would.
#
# Copyright 2026 The StrideStrong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Needs a D-Bus session bus (build-aux/test runs the suite under
# dbus-run-session) and an X display (xvfb-run).

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1]

if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") or not os.environ.get("DISPLAY"):
    print("1..0 # SKIP needs a D-Bus session bus and a display")
    sys.exit(0)

# dogtail checks this before it talks to the accessibility bus.
os.environ["GTK_MODULES"] = "gail:atk-bridge"

from dogtail import config, tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

config.searchCutoffCount = 3
config.searchBackoffDuration = 0.5
config.defaultDelay = 0.2
config.logDebugToStdOut = False
config.logDebugToFile = False

TIMEOUT_S = 30


def wait_for(condition, what):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            result = condition()
        except Exception:  # the tree changes under us while the app starts
            result = None
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


class App:
    """One stridestrong process with its own data folder and settings."""

    def __init__(self, *args, settings=None):
        self.tmp = tempfile.mkdtemp(prefix="stride-atspi-")
        env = dict(os.environ)
        if settings:
            folder = os.path.join(self.tmp, "config", "glib-2.0", "settings")
            os.makedirs(folder)
            with open(os.path.join(folder, "keyfile"), "w") as keyfile:
                keyfile.write("[com/example/StrideStrong]\n")
                keyfile.writelines(f"{key}={value}\n" for key, value in settings.items())
            env["XDG_CONFIG_HOME"] = os.path.join(self.tmp, "config")
        env.pop("GTK_A11Y", None)
        env.pop("STRIDESTRONG_DB", None)
        env["XDG_DATA_HOME"] = os.path.join(self.tmp, "data")
        env["GSETTINGS_BACKEND"] = "keyfile" if settings else "memory"
        env["GSK_RENDERER"] = "cairo"
        env["G_DEBUG"] = "fatal-criticals"
        env["LANGUAGE"] = "C"
        env["LC_ALL"] = "C.UTF-8"
        self.process = subprocess.Popen([BIN, *args], env=env,
                                        stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        self.node = wait_for(self._find, "the application on the accessibility bus")

    def _find(self):
        for app in tree.root.applications():
            if app.name in ("stridestrong", "StrideStrong") and app.get_process_id() == self.process.pid:
                return app
        return None

    def find_all(self, role, name_part=None):
        nodes = self.node.findChildren(GenericPredicate(roleName=role), showingOnly=False)
        if name_part is None:
            return nodes
        return [n for n in nodes if name_part in (n.name or "")]

    def close(self):
        """Ends the app; fails if it printed a GLib/GTK warning or critical."""
        self.process.terminate()
        try:
            _, errors = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
        shutil.rmtree(self.tmp, ignore_errors=True)
        warnings = [line for line in errors.splitlines()
                    if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
        check(not warnings, "the app printed:\n" + "\n".join(warnings))


cases = []


def case(function):
    cases.append(function)
    return function


def journal_rows(app):
    # A run row reads "Easy run, Tue 24 Nov 2026, 06:29 · 5:11 /km · RPE 3, 14.41 km, …"
    # (other pages have texts with " km" too: the Risk page's checks).
    row_name = re.compile(r"^[A-Z][a-z ]+, [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, .* km")
    return [n for n in app.node.findChildren(lambda n: row_name.match(n.name or "") is not None,
                                             showingOnly=False)]


@case
def demo_journal_shows_rows():
    app = App("--demo")
    try:
        rows = wait_for(lambda: journal_rows(app), "journal rows")
        check(len(rows) >= 5, f"only {len(rows)} rows")
        names = [r.name for r in rows]
        check(any("Long run" in n for n in names), "no long run among " + repr(names[:5]))
    finally:
        app.close()


@case
def primary_menu_offers_the_app_actions():
    app = App("--demo")
    try:
        # GtkMenuButton shows as a named group around the button that clicks.
        button = wait_for(lambda: [b for b in app.find_all("push button", "Main Menu")
                                   + app.find_all("toggle button", "Main Menu")
                                   if "click" in b.actions], "the main menu button")[0]
        button.doActionNamed("click")
        wanted = ["Import Activities…", "Export as CSV…", "Open Demo Journal",
                  "Preferences", "Keyboard Shortcuts", "About StrideStrong"]

        def menu_items():
            names = {n.name.replace("_", "") for n in app.node.findChildren(
                lambda n: n.roleName in ("menu item", "push button", "check menu item"),
                showingOnly=False)}
            return all(w in names for w in wanted) and names

        wait_for(menu_items, "the menu items " + ", ".join(wanted))
    finally:
        app.close()


@case
def empty_journal_opens_the_demo():
    app = App()
    try:
        button = wait_for(lambda: app.find_all("push button", "Open Demo Journal"),
                          "the Open Demo Journal button")[0]
        check(not journal_rows(app), "an empty journal already has rows")
        button.doActionNamed("click")
        wait_for(lambda: journal_rows(app), "journal rows after opening the demo")
        journal = os.path.join(app.tmp, "data", "stridestrong", "journal.db")
        check(os.path.exists(journal), "the default journal was not created")
    finally:
        app.close()


CONTROL_ROLES = ("push button", "toggle button", "check box", "combo box", "spin button",
                 "text", "slider", "switch", "menu button", "radio button")


@case
def every_control_has_a_name():
    unnamed = []
    for page in ("plan", "journal", "balance", "risk", "charts"):
        # A keyfile backend opens the window on the page (and marks the
        # Risk page's one-time disclaimer as seen).
        app = App("--demo", settings={"last-page": f"'{page}'", "risk-disclaimer-seen": "true"})
        try:
            def controls():
                return [(role, node) for role in CONTROL_ROLES
                        for node in app.node.findChildren(GenericPredicate(roleName=role),
                                                          showingOnly=False)]

            # Every control in the window's tree, shown or not (Xvfb without a
            # window manager reports nothing as showing). The walk must see
            # the page: the header bar alone has four buttons.
            wait_for(lambda: len(controls()) >= 8, f"the controls of the {page} page")
            time.sleep(2)
            for role, node in controls():
                if not (node.name or "").strip():
                    unnamed.append(f"{page}: a {role} without a name")
        finally:
            app.close()
    check(not unnamed, "\n".join(sorted(set(unnamed))))


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    print(f"1..{len(cases)}")
    failed = 0
    for number, function in enumerate(cases, 1):
        try:
            function()
            print(f"ok {number} - {function.__name__}")
        except Exception as error:  # report every failure, keep going
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            for line in str(error).splitlines() or ["(no message)"]:
                print(f"# {line}")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
