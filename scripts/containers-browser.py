#!/usr/bin/python3
"""Headless Chromium through the web app, for scripts/test-containers.sh.

    containers-browser.py BASE_URL USERNAME [--pages N] [--between COMMAND]

The password comes from the environment (BROWSER_PASSWORD), never the command line. Logs in on the login page,
checks the dashboard names the user and the hello page shows the API's greeting. With --between, runs COMMAND
(a shell command, e.g. one that kills the web instance that served the last page) and then opens the dashboard and
the hello page N more times: each must still show the logged-in user, not the login page; then the logout button
must log out (a POST whose view state lives in the session). Prints one line per check,
indented `ok ...` or `FAILED ...`, and exits 1 if any failed.
"""
import argparse
import os
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

failures = 0


def check(condition, what):
    global failures
    print(("   ok " if condition else "   FAILED ") + what, flush=True)
    if not condition:
        failures += 1


def text_of(driver, element_id):
    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("username")
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--between")
    args = parser.parse_args()
    password = os.environ["BROWSER_PASSWORD"]

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    wait = WebDriverWait(driver, 30)
    try:
        driver.get(args.base + "/login.xhtml")
        driver.find_element(By.ID, "login:username").send_keys(args.username)
        driver.find_element(By.ID, "login:password").send_keys(password)
        driver.find_element(By.ID, "login:submit").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "account-username")))
        check(text_of(driver, "account-username") == args.username,
              "browser login: the dashboard names " + args.username)
        driver.get(args.base + "/hello.xhtml")
        greeting = text_of(driver, "greeting") or ""
        check("hello world" in greeting and args.username in greeting,
              "browser: the hello page shows the API's greeting to " + args.username)

        if args.between:
            subprocess.run(args.between, shell=True, check=True)
            for n in range(args.pages):
                page, element = (("dashboard.xhtml", "account-username"), ("hello.xhtml", "greeting"))[n % 2]
                driver.get(args.base + "/" + page)
                shown = text_of(driver, element)
                check(shown is not None and args.username in shown,
                      "browser after the kill, page %d (%s): still logged in as %s" % (n + 1, page, args.username))
            # A POST after the kill too: the logout form's view state was kept in the replicated session.
            driver.find_element(By.ID, "logout:submit").click()
            wait.until(expected_conditions.presence_of_element_located((By.ID, "login:username")))
            check(driver.find_elements(By.ID, "logged-out") != [], "browser after the kill: the logout button logs out")
            driver.get(args.base + "/dashboard.xhtml")
            check(driver.find_elements(By.ID, "account-username") == [],
                  "browser after the logout: the dashboard is not shown any more")
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
