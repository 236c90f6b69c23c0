// Rosette review screen: the keyboard map, the dialogs (new individual, help, catalog record) and the lease heartbeat.
// Loaded after review.js, whose actions it calls through window.RosetteReview.
"use strict";

(function () {
  var R = window.RosetteReview;
  if (!R) return;
  var st = R.st, $ = R.$, api = R.api, left = R.left, right = R.right;
  function decide(v, extra) { R.decide(v, extra); }
  function showCandidate(i) { R.showCandidate(i); }
  function showFrame(i) { R.showFrame(i); }
  function showPhoto(i) { R.showPhoto(i); }
  function modes() { R.modes(); }
  function lines() { R.lines(); }
  function overlays() { R.overlays(); }
  function revert(redo) { R.revert(redo); }
  function record() { R.record(); }
  function cycleSide() { R.cycleSide(); }

  function dialogOpen() { return !$("rv-new").hidden || !$("rv-help").hidden || !$("rv-record").hidden; }
  function closeDialogs() { ["rv-new", "rv-help", "rv-record"].forEach(function (id) { $(id).hidden = true; }); }
  function newIndividual() { $("rv-new").hidden = false; $("rv-new-id").value = ""; $("rv-new-id").focus(); }
  $("rv-new-ok").addEventListener("click", function () {
    var id = $("rv-new-id").value.trim();
    if (!id) return;
    closeDialogs(); decide("newIndividual", { individualID: id });
  });
  $("rv-new-cancel").addEventListener("click", closeDialogs);
  $("rv-new-id").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); $("rv-new-ok").click(); }
    if (ev.key === "Escape") closeDialogs();
    ev.stopPropagation();
  });
  $("rv-help-button").addEventListener("click", function () { $("rv-help").hidden = false; });
  $("rv-help-close").addEventListener("click", closeDialogs);
  $("rv-topn").addEventListener("input", function (ev) { st.topN = +ev.target.value; $("rv-topn-value").textContent = st.topN; overlays(); });

  document.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "INPUT" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var k = ev.key;
    if (k === "Escape") { closeDialogs(); return; }
    if (dialogOpen() && k !== "?") return;
    var handled = true;
    if (k === "h" || k === "H") { if (!st.hidden) { st.hidden = true; modes(); } }
    else if (k === "x" || k === "X") { if (!st.lines) { st.lines = true; modes(); lines(); } }
    else if (k === "?") { $("rv-help").hidden = !$("rv-help").hidden; }
    else if (!st.item) handled = false;
    else if (k === " " || k === "y" || k === "Y") decide("same");
    else if (k === "N") newIndividual();
    else if (k === "n") decide("notThisOne");
    else if (k === "c") decide("cantTell");
    else if (k === "q") decide("unidentifiable");
    else if (k === "s") decide("skip");
    else if (k === "j") showCandidate(st.cand + 1);
    else if (k === "k") showCandidate(st.cand - 1);
    else if (k >= "1" && k <= "9") { if (+k <= st.item.candidates.length) showCandidate(+k - 1); }
    else if (k === "a") showFrame(st.frame - 1);
    else if (k === "d") showFrame(st.frame + 1);
    else if (k === "ArrowLeft") showPhoto(st.photo - 1);
    else if (k === "ArrowRight") showPhoto(st.photo + 1);
    else if (k === "m") { st.keypoints = !st.keypoints; modes(); }
    else if (k === "l") { st.lock = !st.lock; modes(); }
    else if (k === "+" || k === "=") left.zoomCentre(1.25);
    else if (k === "-") left.zoomCentre(0.8);
    else if (k === "0") { left.fit(); right.fit(); }
    else if (k === "[") { st.bright = Math.max(0.2, st.bright - 0.1); modes(); }
    else if (k === "]") { st.bright = Math.min(4, st.bright + 0.1); modes(); }
    else if (k === ";") { st.contrast = Math.max(0.2, st.contrast - 0.1); modes(); }
    else if (k === "'") { st.contrast = Math.min(4, st.contrast + 0.1); modes(); }
    else if (k === "f") cycleSide();
    else if (k === "e") record();
    else if (k === "z") revert(false);
    else if (k === "Z") revert(true);
    else handled = false;
    if (handled) ev.preventDefault();
  });
  document.addEventListener("keyup", function (ev) {
    if (ev.key === "h" || ev.key === "H") { st.hidden = false; modes(); }
    if (ev.key === "x" || ev.key === "X") { st.lines = false; modes(); }
  });
  window.addEventListener("resize", function () { left.fit(); right.fit(); });
  setInterval(function () {
    [st.lease, st.next && st.next.lease].forEach(function (l) {
      if (l) api("POST", "/api/review/heartbeat", { encounterID: l.encounterID, token: l.token }).then(function (r) { l.expires = r.lease.expires; }).catch(function () {});
    });
  }, 60000);

})();
