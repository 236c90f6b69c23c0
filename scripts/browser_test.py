#!/usr/bin/env python3
"""Real-browser test of Rosette's review screen (headless Chromium driven by chromium-driver through Selenium).

Run by scripts/browser-test, which builds the survey and starts the server. Logs in, opens the review screen,
zooms the encounter's photo with the lock on and checks the candidate's photo followed to the same part of the
animal, confirms a match with the keyboard, undoes it, confirms again, and checks the individual's record.
Screenshots go to OUT/*.png.

Usage: browser_test.py URL USER PASSWORD OUT
"""
import http.cookiejar
import json
import math
import re
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

url, user, password, out = sys.argv[1:5]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def shot(driver, name):
    path = f"{out}/{name}.png"
    driver.save_screenshot(path)
    print(f"     screenshot {path}")


def api(driver, path):
    """GET a JSON path with the page's session."""
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.json()).then(done, e => done({error: String(e)}));", path)


def stage(driver, side):
    """The viewer's scale and translation, read from its stage's CSS transform."""
    t = driver.execute_script(
        "var s = document.querySelector('#rv-' + arguments[0] + ' .rv-stage');"
        "var v = document.querySelector('#rv-' + arguments[0]);"
        "return [s.style.transform, v.clientWidth, v.clientHeight];", side)
    nums = [float(x) for x in t[0].replace("translate(", "").replace("px", "").replace(") scale(", ",").rstrip(")").split(",")]
    return {"tx": nums[0], "ty": nums[1], "s": nums[2], "w": t[1], "h": t[2]}


def centre(v):
    """The photo pixel at the centre of a viewer."""
    return ((v["w"] / 2 - v["tx"]) / v["s"], (v["h"] / 2 - v["ty"]) / v["s"])


def shown(driver):
    return driver.find_element(By.ID, "review").get_attribute("data-encounter-shown") or ""


def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


class OtherReviewer:
    """A second reviewer working at the same time, over plain HTTP."""

    def __init__(self, name):
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.http.open(url + "/login").read().decode()
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"_csrf": token, "name": name, "password": password}).encode()
        self.http.open(url + "/login", data=form)
        self.csrf = json.loads(self.http.open(url + "/api/me").read())["csrf"]

    def post(self, path, body):
        req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-CSRF-Token": self.csrf})
        return json.loads(self.http.open(req).read())


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000", "--disable-gpu"]:
    options.add_argument(arg)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(30)
wait = WebDriverWait(driver, 60)
try:
    driver.get(url + "/review")
    check("/login" in driver.current_url, "an anonymous visit goes to the login page")
    driver.find_element(By.ID, "name").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()
    wait.until(lambda d: "/review" in d.current_url)
    wait.until(lambda d: shown(d) != "" or "Nothing left" in d.find_element(By.ID, "rv-title").text)
    # Skip encounters without a candidate (S) until one has one.
    for _ in range(15):
        wait.until(lambda d: shown(d) != "")
        if driver.find_elements(By.CSS_SELECTOR, ".rv-candidate"):
            break
        before = shown(driver)
        press(driver, "s")
        wait.until(lambda d: shown(d) != before)
    check(len(driver.find_elements(By.CSS_SELECTOR, ".rv-candidate")) > 0, "the review screen shows ranked candidates")
    wait.until(lambda d: d.find_element(By.ID, "rv-left").get_attribute("data-loaded")
               and d.find_element(By.ID, "rv-right").get_attribute("data-loaded"))
    encounter = int(shown(driver))
    item = api(driver, f"/api/review/encounters/{encounter}")
    top = item["candidates"][0]
    individual = top["individualID"]
    print(f"     encounter {encounter}, top candidate {individual} ({len(top['pairs'])} pairs, zoom fit {top.get('zoom', {}).get('fit')})")
    check("%" not in driver.find_element(By.ID, "rv-candidates").text, "candidate bars carry no percentages")
    shot(driver, "01-review")

    # The modes are always visible; M, hold H, ? and Shift+N (which asks before creating anything).
    def mode_on(name):
        return any(e.text == name and "on" in (e.get_attribute("class") or "") for e in driver.find_elements(By.CSS_SELECTOR, "#rv-modes span"))
    check(mode_on("lock zoom") and mode_on("keypoints"), "the active modes are shown")
    press(driver, "m")
    check(not mode_on("keypoints") and not driver.find_element(By.CSS_SELECTOR, "#rv-left .kp").is_displayed(), "M hides the keypoints")
    press(driver, "m")
    ActionChains(driver).key_down("h").perform()
    check(mode_on("overlays hidden") and not driver.find_element(By.CSS_SELECTOR, "#rv-right .rv-overlay").is_displayed(), "holding H hides every overlay")
    ActionChains(driver).key_up("h").perform()
    check(driver.find_element(By.CSS_SELECTOR, "#rv-right .rv-overlay").is_displayed(), "releasing H shows them again")
    press(driver, "?")
    check(driver.find_element(By.ID, "rv-help").is_displayed(), "? opens the keyboard help")
    shot(driver, "01b-help")
    press(driver, Keys.ESCAPE)
    press(driver, "N")
    check(driver.find_element(By.ID, "rv-new").is_displayed(), "Shift+N asks for the new individual's ID")
    driver.find_element(By.ID, "rv-new-id").send_keys(Keys.ESCAPE)
    check(not driver.find_element(By.ID, "rv-new").is_displayed() and shown(driver) == str(encounter), "Esc cancels it: nothing decided")

    # Hovering a keypoint lights its partner on the other photo; [ ] and ; ' change brightness and contrast; E the record.
    dots = driver.find_elements(By.CSS_SELECTOR, "#rv-left .dot")
    if dots:
        # The dot the pointer entered (dots may overlap, so the topmost one under the pointer) names the pair.
        driver.execute_script("window.entered = null; document.addEventListener('mouseover', e => {"
                              " if (e.target.classList.contains('dot')) window.entered = e.target.getAttribute('data-i'); });")
        ActionChains(driver).move_to_element(dots[0]).perform()
        hovered = driver.execute_script("return window.entered")
        lit = [e.get_attribute("data-i") for e in driver.find_elements(By.CSS_SELECTOR, "#rv-right .dot.lit")]
        check(hovered is not None and lit == [hovered], f"hovering keypoint {hovered} lights its partner on the other photo ({lit})")
        ActionChains(driver).move_by_offset(0, 300).perform()
    press(driver, "]")
    press(driver, "'")
    filt = driver.execute_script("return document.querySelector('#rv-right img').style.filter")
    check("brightness(1.1)" in filt and "contrast(1.1)" in filt, f"] and ' brighten and add contrast to both photos ({filt})")
    press(driver, "[")
    press(driver, ";")
    press(driver, "e")
    wait.until(lambda d: d.find_element(By.ID, "rv-record").is_displayed())
    check(individual in driver.find_element(By.ID, "rv-record").text, "E shows the candidate's catalog record")
    press(driver, Keys.ESCAPE)

    # Locked zoom: zoom the encounter's photo; the candidate's photo follows.
    check(driver.find_element(By.ID, "review").get_attribute("data-lock") == "on", "the lock is on")
    r0 = stage(driver, "right")
    press(driver, "+")
    l1, r1 = stage(driver, "left"), stage(driver, "right")
    # Then the mouse wheel over the encounter's photo (zooms about the pointer).
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(driver.find_element(By.ID, "rv-left"), 40, 20), 0, -120).perform()
    time.sleep(0.3)
    l2, r2 = stage(driver, "left"), stage(driver, "right")
    print(f"     left scale {l1['s']:.4f} → {l2['s']:.4f}, right scale {r0['s']:.4f} → {r1['s']:.4f} → {r2['s']:.4f}")
    check(l2["s"] > l1["s"], "+ zoomed the encounter's photo in")
    check(r1 != r0, "zooming the left photo moved the right one")
    check(abs(r2["s"] / r1["s"] - l2["s"] / l1["s"]) < 1e-3, f"the right photo zoomed by the same factor ({r2['s'] / r1['s']:.4f})")
    frame = item["frames"][0]
    if top.get("zoom") and top.get("frameID") == frame["id"]:
        m = top["zoom"]["forward"]
        q = centre(l2)
        want = (m[0] * q[0] + m[1] * q[1] + m[2], m[3] * q[0] + m[4] * q[1] + m[5])
        got = centre(r2)
        check(math.dist(want, got) < 1.0, f"the right photo is centred on the mapped point ({got[0]:.1f}, {got[1]:.1f}) vs ({want[0]:.1f}, {want[1]:.1f})")
    ActionChains(driver).key_down("x").perform()
    shot(driver, "02-zoomed-locked-lines")
    ActionChains(driver).key_up("x").perform()
    press(driver, "0")

    # Confirm with the keyboard (Space), undo (Z), confirm again.
    before = api(driver, f"/api/review/individuals/{individual}")
    press(driver, " ")
    wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-decisions") == "1")
    after = api(driver, f"/api/review/individuals/{individual}")
    last = after["history"][-1] if after["history"] else {}
    check(last.get("kind") == "decision" and last.get("encounterID") == encounter, "Space confirmed the match (logged decision)")
    check(after["sightings"] > before["sightings"], "the individual gained the sighting")
    check(shown(driver) != str(encounter), "the next encounter is shown at once")
    shot(driver, "03-confirmed-next")
    press(driver, "z")
    wait.until(lambda d: shown(d) == str(encounter))
    undone = api(driver, f"/api/review/individuals/{individual}")
    check(undone["history"][-1]["kind"] == "undo", "Z undid the decision")
    check(undone["sightings"] == before["sightings"] and undone["referencePhotos"] == before["referencePhotos"],
          "the individual is back as it was")
    shot(driver, "04-undone")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f'.rv-candidate[data-individual="{individual}"]'))
    driver.execute_script("document.querySelector(arguments[0]).click()", f'.rv-candidate[data-individual="{individual}"]')
    press(driver, " ")
    wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-decisions") == "2")
    final = api(driver, f"/api/review/individuals/{individual}")
    check(final["history"][-1]["kind"] == "decision" and final["history"][-1]["encounterID"] == encounter, "confirmed again")
    check(final["sightings"] == after["sightings"], "the individual has the sighting again")

    # Someone else changes the candidate meanwhile: the decision is refused (409), the page says who changed what,
    # takes the encounter again as it now is, and the next Space goes through.
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".rv-candidate.current"))
    current = int(shown(driver))
    item2 = api(driver, f"/api/review/encounters/{current}")
    if item2["candidates"]:
        target = item2["candidates"][0]["individualID"]
        other = OtherReviewer("tester2")
        theirs = other.post("/api/review/next", {})
        if not theirs.get("done"):
            other.post("/api/review/decide", {"encounterID": theirs["lease"]["encounterID"], "token": theirs["lease"]["token"],
                                              "verdict": "same", "individualID": target, "versions": theirs["item"]["versions"]})
            press(driver, " ")
            wait.until(lambda d: "bad" in d.find_element(By.ID, "rv-status").get_attribute("class"))
            text = driver.find_element(By.ID, "rv-status").text
            check("tester2" in text and target in text, f"a stale decision is refused, naming who changed what: {text[:160]}")
            shot(driver, "04b-stale-409")
            wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-retakes") == "1")
            wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-encounter-shown") == str(current))
            press(driver, " ")
            wait.until(lambda d: d.find_element(By.ID, "review").get_attribute("data-decisions") == "3")
            check(True, "after taking the encounter again, Space decides it")

    # The individual's profile page: updated by the decisions, with the undo in its history.
    driver.get(f"{url}/individuals/{individual}")
    src = driver.page_source
    check(individual in driver.title or individual in src, "the profile page shows the individual")
    tables = driver.find_elements(By.CSS_SELECTOR, "table.history")
    rows = [r.text.lower() for r in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")] if tables else []
    check(sum(" decision " in f" {r} " for r in rows) >= 2 and any(" undo " in f" {r} " for r in rows),
          f"the profile's review history lists two decisions and the undo: {rows[:6]}")
    shot(driver, "05-individual")
    # The partner catalog review: a partner's individuals beside our candidates; "same animal" links them, undo unlinks.
    driver.get(f"{url}/review/partners")
    items = driver.find_elements(By.CSS_SELECTOR, ".xr-item")
    check(len(items) > 0, f"the partner review lists partner individuals with our candidates ({len(items)})")
    if items:
        loaded = "return arguments[0].complete && arguments[0].naturalWidth > 0"
        chips = driver.find_elements(By.CSS_SELECTOR, "img.xr-chip")
        check(bool(chips) and all(driver.execute_script(loaded, c) for c in chips), f"the partner's chips load ({len(chips)})")
        crops = driver.find_elements(By.CSS_SELECTOR, ".xr-crop img")
        check(bool(crops) and all(driver.execute_script(loaded, c) for c in crops[:6]), f"our reference photos load, cropped ({len(crops)})")
        shot(driver, "06-partner-review")
        pid = items[0].get_attribute("id")[3:]
        ours = items[0].find_element(By.CSS_SELECTOR, ".xr-candidate .xr-head a").text
        items[0].find_element(By.CSS_SELECTOR, "button.xr-same").click()
        wait.until(lambda d: d.find_elements(By.ID, "xr-decided"))
        notice = driver.find_element(By.ID, "xr-decided").text
        check(f"is the same animal as {ours}" in notice and pid in notice, f"\"same animal\" recorded a link: {notice[:120]}")
        queue = api(driver, "/api/review/partners")
        linked = [l for p in queue.get("partners", []) for l in p.get("links", [])]
        check(any(l.get("individualID") == ours and l.get("qualifiedID", "").endswith(":" + pid) for l in linked), "the link is in the queue's links")
        check(not driver.find_elements(By.ID, "xr-" + pid), "the linked partner individual leaves the queue")
        shot(driver, "07-partner-linked")
        driver.find_element(By.CSS_SELECTOR, "#xr-decided button").click()
        wait.until(lambda d: d.find_elements(By.ID, "xr-undone"))
        check(bool(driver.find_elements(By.ID, "xr-" + pid)), "undo puts the partner individual back in the queue")
    severe = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e.get("message", "")
              and "409 (Conflict)" not in e.get("message", "")]   # the stale decision above, on purpose
    check(not severe, "no errors in the browser console" + ("" if not severe else ": " + json.dumps(severe)[:400]))
finally:
    driver.quit()

print(f"browser test: {'FAILED ' + str(len(failures)) if failures else 'all checks passed'}")
sys.exit(1 if failures else 0)
