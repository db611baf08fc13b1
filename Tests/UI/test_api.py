"""The UI API's boundaries: loopback Host and Origin only, no maintenance functions, every input validated."""
import urllib.parse


def test_foreign_host_and_origin_are_refused(kiosk):
    status, body = kiosk.api("GET", "/api/v1/documents", headers={"Host": "evil.example:8080"})
    assert status == 403 and "Host" in body["error"]
    status, body = kiosk.api("POST", "/api/v1/sessions", headers={"Origin": "http://evil.example"})
    assert status == 403 and "Origin" in body["error"]
    status, body = kiosk.api("GET", "/", headers={"Host": "127.0.0.2.evil.example"})
    assert status == 403
    status, _ = kiosk.api("GET", "/api/v1/documents", headers={"Origin": "http://127.0.0.1:1234", "Host": "localhost"})
    assert status == 200


def test_no_maintenance_functions(kiosk):
    for method, path in [("POST", "/api/v1/maintenance"), ("POST", "/api/v1/cash/collect"), ("GET", "/api/v1/ledger"),
                         ("POST", "/api/v1/simulate/jam"), ("GET", "/ui/../etc/kiosk.toml"), ("GET", "/ui/.hidden")]:
        status, _ = kiosk.api(method, path)
        assert status in (404, 405), f"{method} {path} answered {status}"


def test_inputs_are_validated(kiosk):
    status, session = kiosk.api("POST", "/api/v1/sessions")
    assert status == 201, session
    sid = session["id"]
    try:
        land, estate = {"code": "LD-LAND", "key": "1111010100100120003"}, {"code": "RG-REAL-ESTATE", "key": "11461996031419"}
        for choice, words in [({**land, "copies": 11}, "1 to 10"), ({**land, "copies": 0}, "1 to 10"),
                              ({"code": "NOPE"}, "unknown document"), ({**estate, "options": {"cancelled-entries": "maybe"}}, "is not one of"),
                              ({**estate, "options": {"colour": "red"}}, "no such option"), ({"code": "LD-LAND"}, "needs a lookup key"),
                              ({"code": "LD-LAND", "key": "12a4"}, "only digits and hyphens"),
                              ({"code": "RR-DEUNGBON", "key": "1234"}, "takes no key")]:
            status, body = kiosk.api("POST", f"/api/v1/sessions/{sid}/documents", {"documents": [choice]})
            assert status == 400 and words in body["error"], (choice, body)
        status, body = kiosk.api("POST", f"/api/v1/sessions/{sid}/feedback", {"rating": 5})
        assert status == 409 and "not ended" in body["error"]
        for rating in (0, 6):
            status, body = kiosk.api("POST", f"/api/v1/sessions/{sid}/feedback", {"rating": rating})
            assert status == 400 and "1 to 5" in body["error"]
        status, body = kiosk.api("GET", "/api/v1/events?session=not-a-uuid")
        assert status == 400
    finally:
        kiosk.api("POST", f"/api/v1/sessions/{sid}/cancel")


def test_voice_refuses_resident_numbers_and_bad_parameters(kiosk):
    for query, words in [({"lang": "ko", "text": "900101-1234567"}, "resident registration number"),
                         ({"lang": "ko", "text": "900101-1******"}, "resident registration number"),
                         ({"lang": "fr", "text": "bonjour"}, "lang"), ({"lang": "ko", "text": "안녕", "rate": "9000"}, "rate"),
                         ({"lang": "ko", "text": ""}, "empty")]:
        status, body = kiosk.api("GET", "/api/v1/voice?" + urllib.parse.urlencode(query))
        assert status == 400 and words in body["error"], (query, body)
    status, body = kiosk.api("GET", "/api/v1/voice?" + urllib.parse.urlencode({"lang": "ko", "text": "수수료는 1,000원입니다"}))
    assert status == 200 and body[:4] == b"RIFF"
