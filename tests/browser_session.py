"""Signing a demo or test user into a real browser (the second factor enrolled when the role needs it)."""


def open_as(browser, live_server, username, password, timeout=15000):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(timeout)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/account/two-factor/" in page.url:  # examiners and administrators set up their second factor first
        from second_factor import enrol_in_browser

        enrol_in_browser(page)
    page.wait_for_url(f"{live_server.url}/")
    return page
