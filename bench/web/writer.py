"""Changes one requirement's quantity through the API every INTERVAL seconds until stopped: the
ledger changes under the benchmark's readers, as it does when desks work during the day.
usage: writer.py BASE_URL TOKEN INTERVAL"""
import json, sys, time, urllib.request

base, token, interval = sys.argv[1], sys.argv[2], float(sys.argv[3])
url = base + "/api/v1/requirements/UA-R0001"
auth = {"Authorization": "Bearer " + token}
step = 0
while True:
    with urllib.request.urlopen(urllib.request.Request(url, headers=auth)) as read:
        row, etag = json.load(read), read.headers["ETag"]
    step += 1
    row["quantity"] = row["quantity"] + (1 if step % 2 else -1)
    put = urllib.request.Request(url, data=json.dumps(row).encode(), method="PUT",
                                 headers={**auth, "If-Match": etag, "Content-Type": "application/json"})
    urllib.request.urlopen(put).close()
    time.sleep(interval)
