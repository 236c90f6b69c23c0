// Rosette review screen: leases, decisions from the keyboard, undo/redo, prefetch of the next encounter.
// The JSON API is described at /openapi.json (paths under /api/review/). No framework; see review-view.js.
"use strict";

(function () {
  var root = document.getElementById("review");
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var st = { item: null, lease: null, next: null, cand: 0, frame: 0, photo: 0, lock: true, keypoints: true, lines: false,
             hidden: false, bright: 1, contrast: 1, side: null, topN: 40, lit: -1, busy: false, decided: 0 };
  var syncing = false;
  var left = new RosetteView.Viewer($("rv-left"), changed), right = new RosetteView.Viewer($("rv-right"), changed);

  function api(method, path, body) {
    var opts = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET") { opts.headers["Content-Type"] = "application/json"; opts.headers["X-CSRF-Token"] = csrf; opts.body = JSON.stringify(body || {}); }
    return fetch(path, opts).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error((j.error && j.error.message) || r.statusText); e.status = r.status; e.detail = j.error && j.error.detail; throw e; }
        return j;
      });
    });
  }
  function status(text, kind) { var s = $("rv-status"); s.textContent = text; s.className = "rv-status " + (kind || ""); }
  function failed(e) {
    var d = e.detail || {}, who = d.changedBy && e.message.indexOf(d.changedBy) < 0 ? " — changed by " + d.changedBy + (d.changedAt ? " at " + d.changedAt : "") + (d.change ? ": " + d.change : "") : "";
    status(e.message + who, "bad");
    st.busy = false;
    if (e.status === 409 && st.item) retake();
  }
  // After a conflict: take the encounter again (a lease still held is extended) with what it is now, or show it read-only.
  function retake() {
    // Decisions wait until the encounter is back as it now is (re-ranking it can take a moment).
    var id = st.item.encounterID;
    st.busy = true;
    function done() { st.busy = false; root.setAttribute("data-retakes", String(Number(root.getAttribute("data-retakes") || 0) + 1)); }
    api("POST", "/api/review/encounters/" + id + "/lease", {}).then(function (r) { show(r.item, r.lease); done(); })
      .catch(function () { st.lease = null; done(); refresh(); });
  }

  // The map from the left photo's pixels to the right one's, for the locked zoom.
  function lockMap() {
    var c = candidate(), f = frame(), p = photo();
    if (!c || !f || !p) return null;
    if (c.zoom && c.frameID === f.id && c.referencePhotoID === p.id) return c.zoom.forward;
    var fb = f.box || { x: 0, y: 0, width: f.width, height: f.height }, pb = p.box || { x: 0, y: 0, width: p.width, height: p.height };
    return RosetteView.boxMap(fb, pb);
  }
  function changed(viewer, byUser) {
    if (byUser && st.lock && !syncing) {
      var m = lockMap();
      if (m) {
        syncing = true;
        if (viewer === left) right.follow(left, m); else { var inv = RosetteView.invert(m); if (inv) left.follow(right, inv); }
        syncing = false;
      }
    }
    if (st.lines) lines();
  }
  function candidate() { return st.item && st.item.candidates[st.cand]; }
  function frame() { return st.item && st.item.frames[st.frame]; }
  function photo() { var c = candidate(); return c && c.photos[st.photo]; }
  function pairsShown() {
    var c = candidate(), f = frame(), p = photo();
    if (!c || !f || !p || c.frameID !== f.id || c.referencePhotoID !== p.id) return [];
    return c.pairs.slice(0, st.topN);
  }
  function scenePairsShown() {
    var c = candidate(), f = frame(), p = photo();
    if (!c || !f || !p || c.frameID !== f.id || c.referencePhotoID !== p.id) return [];
    return c.scenePairs || [];
  }

  function modes() {
    var m = [["lock zoom", st.lock], ["keypoints", st.keypoints], ["lines", st.lines], ["overlays hidden", st.hidden]];
    var html = m.map(function (x) { return '<span class="' + (x[1] ? "on" : "") + '">' + x[0] + "</span>"; }).join("");
    var side = st.side || (st.item && st.item.side) || "unknown";
    html += "<span" + (st.side ? ' class="on"' : "") + ">flank: " + side + "</span>";
    if (st.bright !== 1) html += "<span class=\"on\">brightness " + st.bright.toFixed(1) + "</span>";
    if (st.contrast !== 1) html += "<span class=\"on\">contrast " + st.contrast.toFixed(1) + "</span>";
    if (st.item && !st.lease) html += '<span class="on">read-only</span>';
    $("rv-modes").innerHTML = html;
    root.classList.toggle("no-keypoints", !st.keypoints);
    root.classList.toggle("hide-overlays", st.hidden);
    root.classList.toggle("lines", st.lines);
    root.setAttribute("data-lock", st.lock ? "on" : "off");
    var filter = "brightness(" + st.bright + ") contrast(" + st.contrast + ")";
    left.img.style.filter = filter; right.img.style.filter = filter;
  }
  function esc(s) { return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function strip(container, photos, current, pick) {
    container.innerHTML = "";
    photos.forEach(function (p, i) {
      var b = document.createElement("button");
      b.type = "button"; b.className = i === current ? "current" : ""; b.title = (p.time || "") + " " + (p.station || "");
      var img = document.createElement("img"); img.src = p.src; img.alt = "photo " + p.mediaID; b.appendChild(img);
      b.addEventListener("click", function () { pick(i); });
      container.appendChild(b);
    });
  }
  function overlays() {
    var ps = pairsShown(), f = frame(), p = photo();
    function hover(i, on) {
      st.lit = on ? i : -1;
      [left, right].forEach(function (v) {
        var d = v.svg.querySelector('.dot[data-i="' + i + '"]');
        if (d) d.classList.toggle("lit", on);
      });
      if (st.lines) lines();
    }
    var sc = scenePairsShown();
    RosetteView.drawOverlay(left, f && f.box, ps.map(function (x) { return x.q; }), hover, sc.map(function (x) { return x.q; }));
    RosetteView.drawOverlay(right, p && p.box, ps.map(function (x) { return x.r; }), hover, sc.map(function (x) { return x.r; }));
    var note = $("rv-scene-note");
    if (note) note.textContent = sc.length ? sc.length + " matches on the camera's fixed scene dropped (grey crosses)" : "";
    if (st.lines) lines();
  }
  function lines() { RosetteView.drawLines($("rv-lines"), left, right, pairsShown(), st.lit); }

  function showFrame(i) {
    if (!st.item || !st.item.frames.length) return;
    st.frame = (i + st.item.frames.length) % st.item.frames.length;
    var f = frame();
    $("rv-query-caption").textContent = "encounter " + st.item.encounterID + " · frame " + (st.frame + 1) + "/" + st.item.frames.length +
      " · photo " + f.mediaID + " · " + (f.time || "") + " · " + f.station + (f.failure ? " · unusable: " + f.failure : "");
    strip($("rv-frames"), st.item.frames, st.frame, showFrame);
    left.load(f, overlays);
  }
  function showPhoto(i) {
    var c = candidate();
    if (!c || !c.photos.length) { $("rv-ref-caption").textContent = c ? "no photo of this flank" : ""; $("rv-photos").innerHTML = ""; return; }
    st.photo = (i + c.photos.length) % c.photos.length;
    var p = photo();
    $("rv-ref-caption").textContent = c.individualID + (c.name ? " (" + c.name + ")" : "") + " · photo " + (st.photo + 1) + "/" + c.photos.length +
      " · " + p.side + " flank · " + (p.time || "") + " · " + p.station + (c.otherFlank ? " · " + c.otherFlank + " of the other flank not shown" : "");
    strip($("rv-photos"), c.photos, st.photo, showPhoto);
    right.load(p, overlays);
  }
  function showCandidate(i) {
    var n = st.item.candidates.length;
    if (!n) { st.cand = 0; context(); candidates(); showPhoto(0); return; }
    st.cand = (i + n) % n;
    var c = candidate();
    // Frame the pairs were found in, and the candidate's best photo, first.
    var fi = st.item.frames.findIndex(function (f) { return f.id === c.frameID; });
    if (fi >= 0 && fi !== st.frame) showFrame(fi);
    candidates(); context(); showPhoto(0);
  }
  function candidates() {
    var box = $("rv-candidates");
    box.innerHTML = "";
    st.item.candidates.forEach(function (c, i) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "rv-candidate" + (i === st.cand ? " current" : "");
      b.setAttribute("data-individual", c.individualID);
      var thumb = c.photos[0] ? '<img src="' + esc(c.photos[0].src) + '" alt="">' : "<div style=\"height:64px\"></div>";
      b.innerHTML = thumb + '<div class="bar" style="width:' + Math.round(100 * c.bar) + '%"></div><div class="label"><span>' + (i + 1) + ". " +
        esc(c.individualID) + "</span><span>" + c.inliers + " pairs</span></div>";
      b.addEventListener("click", function () { showCandidate(i); });
      box.appendChild(b);
    });
    if (!st.item.candidates.length) box.innerHTML = '<div class="rv-note">No candidate in the catalog: a new individual (Shift+N)?</div>';
  }
  function context() {
    var c = candidate(), parts = [], x = c && c.context;
    if (x) {
      if (x.timeGap) parts.push("time gap " + esc(x.timeGap));
      if (x.sameStation != null) parts.push(x.sameStation ? "same station" : "other station");
      if (x.distanceBand) parts.push("distance " + esc(x.distanceBand));
      parts.push("sex " + esc(x.sex || "unknown"));
      parts.push("age class " + esc(x.ageClass || "unknown"));
      if (x.lastSeen) parts.push("last seen " + esc(x.lastSeen) + " at " + esc(x.lastStation));
      parts.push(x.sightings + " sightings");
      if (x.deadWarning) parts.push('<span class="warn">' + esc(x.deadWarning) + "</span>");
    }
    st.item.excluded.forEach(function (e) { parts.push('<span class="excluded">' + esc(e.individualID) + ": " + esc(e.label) + "</span>"); });
    if (st.item.pending) parts.push('<span class="warn">new individual ' + esc(st.item.pending.individualID) + " proposed by " + esc(st.item.pending.proposedBy) + ": Y accepts, N refuses</span>");
    $("rv-context").innerHTML = parts.map(function (p) { return "<span>" + p + "</span>"; }).join("");
  }
  function show(item, lease) {
    st.item = item; st.lease = lease || item.lease || null; st.side = null; st.frame = 0; st.photo = 0;
    root.setAttribute("data-encounter-shown", item.encounterID);
    $("rv-title").textContent = "Encounter " + item.encounterID + " · " + item.station + " · " + (item.time || "") + " · " + item.side + " flank" +
      (item.decided ? " · decided: " + item.decided : "") + (item.leasedBy ? " · being reviewed by " + item.leasedBy : "");
    showFrame(0);
    showCandidate(0);
    modes();
  }
  function done() {
    st.item = null; st.lease = null;
    root.setAttribute("data-encounter-shown", "");
    $("rv-title").textContent = "Nothing left to review.";
    ["rv-frames", "rv-photos", "rv-candidates", "rv-context"].forEach(function (id) { $(id).innerHTML = ""; });
  }
  function refresh() {
    var id = st.item.encounterID, side = st.side ? "?side=" + st.side : "";
    return api("GET", "/api/review/encounters/" + id + side).then(function (item) {
      if (st.item && st.item.encounterID === id) { var keep = st.side; show(item, st.lease); st.side = keep; modes(); }
    }).catch(failed);
  }
  function prefetch() {
    if (!st.item || st.next) return;
    api("POST", "/api/review/next", { exclude: [st.item.encounterID] }).then(function (r) { if (!r.done) st.next = r; }).catch(function () {});
  }
  function advance(catalogVersion) {
    var n = st.next;
    st.next = null; st.busy = false;
    if (n) {
      show(n.item, n.lease);
      if (n.item.catalogVersion !== catalogVersion) refresh();
      prefetch();
    } else {
      api("POST", "/api/review/next", { exclude: [] }).then(function (r) { if (r.done) done(); else { show(r.item, r.lease); prefetch(); } }).catch(failed);
    }
  }
  function decide(verdict, extra) {
    var c = candidate();
    if (!st.item || st.busy) return;
    if (!st.lease) { status("Read-only: " + (st.item.leasedBy ? st.item.leasedBy + " holds this encounter" : "no lease"), "bad"); return; }
    if (st.item.pending && (verdict === "same" || verdict === "notThisOne")) return pending(verdict === "same");
    if ((verdict === "same" || verdict === "notThisOne") && !c) { status("No candidate selected", "bad"); return; }
    var body = { encounterID: st.item.encounterID, token: st.lease.token, verdict: verdict, versions: st.item.versions,
                 catalogVersion: st.item.catalogVersion };
    if (st.side) body.side = st.side;
    if (c && (verdict === "same" || verdict === "notThisOne")) { body.candidateID = c.candidateID; body.individualID = c.individualID; body.rankShown = c.rank; }
    for (var k in extra || {}) body[k] = extra[k];
    st.busy = true;
    api("POST", "/api/review/decide", body).then(function (r) {
      st.decided++; root.setAttribute("data-decisions", st.decided);
      status(r.summary, "ok");
      if (r.lease) { st.busy = false; st.lease = r.lease; refresh(); } else advance(r.catalogVersion);
    }).catch(failed);
  }
  function pending(accept) {
    st.busy = true;
    api("POST", "/api/review/pending/" + st.item.encounterID, { token: st.lease.token, accept: accept })
      .then(function (r) { status(r.summary, "ok"); advance(r.catalogVersion); }).catch(failed);
  }
  function revert(redo) {
    if (st.busy) return;
    st.busy = true;
    api("POST", "/api/review/" + (redo ? "redo" : "undo"), {}).then(function (r) {
      status(r.summary, "ok");
      root.setAttribute("data-last-revert", r.entryID);
      st.busy = false;
      if (!r.encounterID) return;
      if (redo) { if (st.item && st.item.encounterID === r.encounterID) advance(r.catalogVersion); return; }
      // Undo: the encounter is open again; show it, and keep the current one as the next.
      return api("POST", "/api/review/encounters/" + r.encounterID + "/lease", {}).then(function (l) {
        if (st.next) api("POST", "/api/review/release", { encounterID: st.next.lease.encounterID, token: st.next.lease.token }).catch(function () {});
        st.next = st.item && st.lease ? { item: st.item, lease: st.lease } : null;
        show(l.item, l.lease);
      });
    }).catch(failed);
  }
  function record() {
    var c = candidate(), box = $("rv-record");
    if (!c) return;
    api("GET", "/api/review/individuals/" + encodeURIComponent(c.individualID)).then(function (r) {
      box.innerHTML = "<h2>" + esc(r.individualID) + (r.name ? " — " + esc(r.name) : "") + "</h2><p>sex " + esc(r.sex || "unknown") + " · " +
        esc(r.status) + " · " + r.referencePhotos + " reference photos · " + r.sightings + " sightings</p><table>" +
        r.history.slice(-12).reverse().map(function (h) { return "<tr><th>" + esc(h.at) + "</th><td>" + esc(h.actor) + "</td><td>" + esc(h.summary) + "</td></tr>"; }).join("") +
        '</table><p><a href="/catalog/' + encodeURIComponent(r.individualID) + '">profile</a> · Esc closes</p>';
      box.hidden = false;
    }).catch(failed);
  }
  function cycleSide() {
    var order = ["left", "right", "unknown"], cur = st.side || st.item.side;
    st.side = order[(order.indexOf(cur) + 1) % 3];
    if (st.side === st.item.side) st.side = null;
    modes(); refresh();
  }

  // For review-keys.js (the keyboard, dialogs and heartbeat).
  window.RosetteReview = { st: st, $: $, api: api, left: left, right: right, decide: decide, showCandidate: showCandidate,
    showFrame: showFrame, showPhoto: showPhoto, modes: modes, lines: lines, overlays: overlays, revert: revert, record: record,
    cycleSide: cycleSide };

  var wanted = root.getAttribute("data-encounter");
  var start = wanted
    ? api("POST", "/api/review/encounters/" + wanted + "/lease", {}).catch(function (e) {
        if (e.status !== 409) throw e;
        status(e.message, "bad");
        return api("GET", "/api/review/encounters/" + wanted).then(function (item) { return { item: item, lease: null }; });
      })
    : api("POST", "/api/review/next", { exclude: [] });
  start.then(function (r) { if (r.done) done(); else { show(r.item, r.lease); if (r.lease) prefetch(); } }).catch(failed);
  modes();
})();
