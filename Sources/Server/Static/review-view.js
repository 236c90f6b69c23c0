// Rosette review screen: the photo viewers (zoom, pan, locked zoom) and the keypoint overlays.
// Hand-written, no framework; loaded before review.js, which drives the page.
"use strict";

var RosetteView = (function () {
  var SVGNS = "http://www.w3.org/2000/svg";

  // An affine map [a, b, c, d, e, f]: x' = a x + b y + c, y' = d x + e y + f.
  function apply(m, x, y) { return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]]; }
  function det(m) { return m[0] * m[4] - m[1] * m[3]; }
  function invert(m) {
    var d = det(m);
    if (!d) return null;
    var a = m[4] / d, b = -m[1] / d, dd = -m[3] / d, e = m[0] / d;
    return [a, b, -(a * m[2] + b * m[5]), dd, e, -(dd * m[2] + e * m[5])];
  }
  // Box onto box (scale and shift): the lock when no pairs join the two photos.
  function boxMap(from, to) {
    var sx = to.width / from.width, sy = to.height / from.height;
    return [sx, 0, to.x - sx * from.x, 0, sy, to.y - sy * from.y];
  }

  // One photo panel: the image at natural size inside a stage moved by translate(tx, ty) scale(s).
  function Viewer(root, onChange) {
    this.root = root;
    this.stage = root.querySelector(".rv-stage");
    this.img = root.querySelector("img");
    this.svg = root.querySelector("svg");
    this.s = 1; this.tx = 0; this.ty = 0; this.w = 0; this.h = 0;
    this.onChange = onChange;
    var self = this, drag = null;
    root.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = root.getBoundingClientRect();
      self.zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, ev.clientX - r.left, ev.clientY - r.top, true);
    }, { passive: false });
    root.addEventListener("pointerdown", function (ev) {
      if (ev.target.classList && ev.target.classList.contains("dot")) return;
      drag = { x: ev.clientX, y: ev.clientY, tx: self.tx, ty: self.ty };
      root.classList.add("dragging");
      root.setPointerCapture(ev.pointerId);
    });
    root.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      self.set(self.s, drag.tx + ev.clientX - drag.x, drag.ty + ev.clientY - drag.y, true);
    });
    function end() { drag = null; root.classList.remove("dragging"); }
    root.addEventListener("pointerup", end);
    root.addEventListener("pointercancel", end);
  }
  Viewer.prototype.size = function () { return [this.root.clientWidth, this.root.clientHeight]; };
  Viewer.prototype.load = function (photo, done) {
    var self = this;
    this.w = photo.width; this.h = photo.height;
    this.img.onload = function () {
      if (!self.w) { self.w = self.img.naturalWidth; self.h = self.img.naturalHeight; }
      self.img.style.width = self.w + "px";
      self.img.style.height = self.h + "px";
      self.svg.setAttribute("width", self.w);
      self.svg.setAttribute("height", self.h);
      self.svg.setAttribute("viewBox", "0 0 " + self.w + " " + self.h);
      self.fit();
      self.root.setAttribute("data-loaded", photo.mediaID);
      if (done) done();
    };
    this.root.removeAttribute("data-loaded");
    if (this.img.getAttribute("src") === photo.src && this.img.complete && this.img.naturalWidth) { this.img.onload(); }
    else this.img.src = photo.src;
  };
  // The whole photo, uncropped, centred.
  Viewer.prototype.fit = function () {
    var sz = this.size();
    if (!this.w || !sz[0]) return;
    var s = Math.min(sz[0] / this.w, sz[1] / this.h);
    this.set(s, (sz[0] - s * this.w) / 2, (sz[1] - s * this.h) / 2, false);
  };
  Viewer.prototype.set = function (s, tx, ty, byUser) {
    this.s = s; this.tx = tx; this.ty = ty;
    this.stage.style.transform = "translate(" + tx.toFixed(2) + "px, " + ty.toFixed(2) + "px) scale(" + s.toFixed(5) + ")";
    var r = (4 / s).toFixed(2), dots = this.svg.querySelectorAll(".dot");
    for (var i = 0; i < dots.length; i++) dots[i].setAttribute("r", r);
    var lw = (1.5 / s).toFixed(3), boxes = this.svg.querySelectorAll(".box");
    for (var j = 0; j < boxes.length; j++) boxes[j].setAttribute("stroke-width", lw);
    if (this.onChange) this.onChange(this, byUser);
  };
  Viewer.prototype.zoomAt = function (factor, px, py, byUser) {
    var s = Math.max(0.02, Math.min(40, this.s * factor)), k = s / this.s;
    this.set(s, px - k * (px - this.tx), py - k * (py - this.ty), byUser);
  };
  Viewer.prototype.zoomCentre = function (factor) {
    var sz = this.size();
    this.zoomAt(factor, sz[0] / 2, sz[1] / 2, true);
  };
  // Shows the same part of the animal as `src`, through the map m (src's pixels → this photo's pixels).
  Viewer.prototype.follow = function (src, m) {
    var ssz = src.size(), dsz = this.size();
    var q = [(ssz[0] / 2 - src.tx) / src.s, (ssz[1] / 2 - src.ty) / src.s];
    var r = apply(m, q[0], q[1]);
    var s = src.s / Math.sqrt(Math.abs(det(m)) || 1);
    this.set(s, dsz[0] / 2 - s * r[0], dsz[1] / 2 - s * r[1], false);
  };
  // Screen position of a photo pixel.
  Viewer.prototype.screen = function (x, y) {
    var r = this.root.getBoundingClientRect();
    return [r.left + this.tx + this.s * x, r.top + this.ty + this.s * y];
  };

  function el(name, attrs) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // Draws the box and the top-n pair dots (index i in both photos) on a viewer's overlay.
  function drawOverlay(viewer, box, points, onHover, scenePoints) {
    var svg = viewer.svg;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    if (box) svg.appendChild(el("rect", { "class": "box", x: box.x, y: box.y, width: box.width, height: box.height }));
    // Matches dropped as the camera's fixed scene: grey crosses, not evidence.
    var sg = el("g", { "class": "scene" });
    (scenePoints || []).forEach(function (p) {
      sg.appendChild(el("path", { "class": "scene-pt", d: "M" + (p[0] - 4) + " " + (p[1] - 4) + "l8 8m0 -8l-8 8" }));
    });
    svg.appendChild(sg);
    var g = el("g", { "class": "kp" });
    points.forEach(function (p, i) {
      var c = el("circle", { "class": "dot", cx: p[0], cy: p[1], r: 4, "data-i": i });
      c.addEventListener("mouseenter", function () { onHover(i, true); });
      c.addEventListener("mouseleave", function () { onHover(i, false); });
      g.appendChild(c);
    });
    svg.appendChild(g);
    viewer.set(viewer.s, viewer.tx, viewer.ty, false);
  }

  // Lines between the paired dots of the two viewers, in page coordinates, on the page-wide svg.
  function drawLines(svg, left, right, pairs, lit) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var base = svg.getBoundingClientRect();
    pairs.forEach(function (p, i) {
      var a = left.screen(p.q[0], p.q[1]), b = right.screen(p.r[0], p.r[1]);
      svg.appendChild(el("line", { "class": "line" + (i === lit ? " lit" : ""), x1: a[0] - base.left, y1: a[1] - base.top,
        x2: b[0] - base.left, y2: b[1] - base.top }));
    });
  }

  return { Viewer: Viewer, drawOverlay: drawOverlay, drawLines: drawLines, invert: invert, boxMap: boxMap, apply: apply };
})();
