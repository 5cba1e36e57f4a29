/*
 * Tongguan entity map page (docs/map-protocol.md): draws the aggregated payloads Python
 * sends on canvas layers, reports the view, clicks and drawn selections through the
 * QWebChannel object `bridge`. Plain Leaflet 1.9 + leaflet.heat + Leaflet-Geoman; 2D
 * canvas only (no WebGL). The only global is `tongguan`.
 */
(function () {
  "use strict";

  var L = window.L;
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  var RAMP = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"]; // choropleth, light → dark
  var NO_DATA = "#bdbdbd";
  var DRAW_COLOUR = "#0d47a1";
  var CLUE_COLOUR = "#ef6c00";
  var OVERDUE_COLOUR = "#d50000";
  var THEME_COLOUR = "#8e24aa";
  var POINT_R = 4.5;
  var HIT_SLOP = 3;

  // ------------------------------------------------------------------ small helpers

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function round6(x) {
    return Math.round(x * 1e6) / 1e6;
  }

  function oneDecimal(x) {
    return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
  }

  function isEnglish(lang) {
    return /^en/i.test(lang || "");
  }

  /** Short count for labels: 1.2万 / 120万 / 1.5亿 in Chinese, 12k / 1.2M in English. */
  function shortCount(n, lang) {
    if (isEnglish(lang)) {
      if (n >= 1e6) return oneDecimal(n / 1e6) + "M";
      if (n >= 1e4) return oneDecimal(n / 1e3) + "k";
      return String(n);
    }
    if (n >= 1e8) return oneDecimal(n / 1e8) + "亿";
    if (n >= 1e4) return oneDecimal(n / 1e4) + "万";
    return String(n);
  }

  function fullCount(n) {
    return Math.round(n).toLocaleString("en-US");
  }

  function formatValue(v, format) {
    if (v === undefined || v === null || !isFinite(v)) return "–";
    if (format === "percent") return (Math.round(v * 1000) / 10) + "%";
    return fullCount(v);
  }

  function swatch(colour, shape) {
    return '<i class="tongguan-swatch tongguan-swatch-' + (shape || "disc") + '" style="background:' +
      esc(colour) + '"></i>';
  }

  // -------------------------------------------------------------- the canvas layer

  /**
   * A canvas covering the map container, repainted by `paint(ctx, map, size)` on every
   * move and zoom frame (and scaled with CSS during Leaflet's zoom animation).
   */
  var CanvasLayer = L.Layer.extend({
    initialize: function (paint, options) {
      L.setOptions(this, options);
      this._paint = paint;
    },
    onAdd: function () {
      this._canvas = L.DomUtil.create("canvas", "tongguan-canvas leaflet-zoom-animated");
      this.getPane().appendChild(this._canvas);
      this._reset();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
    },
    getEvents: function () {
      return { move: this._reset, zoom: this._reset, viewreset: this._reset, resize: this._reset,
        zoomanim: this._animateZoom };
    },
    redraw: function () {
      if (this._map) this._reset();
      return this;
    },
    _reset: function () {
      var map = this._map;
      var canvas = this._canvas;
      var size = map.getSize();
      var ratio = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
        canvas.width = Math.round(size.x * ratio);
        canvas.height = Math.round(size.y * ratio);
        canvas.style.width = size.x + "px";
        canvas.style.height = size.y + "px";
      }
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      this._paint(ctx, map, size);
    },
    _animateZoom: function (e) {
      var map = this._map;
      var scale = map.getZoomScale(e.zoom, map.getZoom());
      var offset = map._latLngBoundsToNewLayerBounds(map.getBounds(), e.zoom, e.center).min;
      L.DomUtil.setTransform(this._canvas, offset, scale);
    }
  });

  // leaflet.heat 0.2.0 animates zoom with a Leaflet 0.7 method that 1.9 no longer has.
  if (L.HeatLayer) {
    L.HeatLayer.prototype._animateZoom = function (e) {
      var map = this._map;
      var scale = map.getZoomScale(e.zoom, map.getZoom());
      var offset = map._latLngBoundsToNewLayerBounds(map.getBounds(), e.zoom, e.center).min;
      this._canvas.style.transformOrigin = "0 0";
      L.DomUtil.setTransform(this._canvas, offset, scale);
    };
  }

  // simpleheat reads its canvas back every frame; say so before it takes the context.
  if (L.HeatLayer) {
    var initHeatCanvas = L.HeatLayer.prototype._initCanvas;
    L.HeatLayer.prototype._initCanvas = function () {
      var create = L.DomUtil.create;
      L.DomUtil.create = function (tag, className, container) {
        var el = create(tag, className, container);
        if (tag === "canvas") el.getContext("2d", { willReadFrequently: true });
        return el;
      };
      try {
        initHeatCanvas.call(this);
      } finally {
        L.DomUtil.create = create;
      }
    };
  }

  // ------------------------------------------------------------------------ state

  var state = {
    map: null,
    bridge: null,
    texts: {},
    lang: "zh_CN",
    payload: null,
    appliedSeq: 0,
    viewSeq: 0,
    viewTimer: null,
    layers: {},
    hits: { clusters: [], points: null, draw: [], clues: [], themes: [] },
    heat: null,
    regions: [],
    selection: null,
    legend: null,
    caption: null,
    tip: null
  };

  function t(key) {
    return state.texts[key] || key;
  }

  function call(name, arg) {
    var bridge = state.bridge;
    if (bridge && typeof bridge[name] === "function") {
      if (arg === undefined) bridge[name]();
      else bridge[name](arg);
    }
  }

  function categories() {
    return (state.payload && state.payload.categories) || [];
  }

  // ------------------------------------------------------------------ painting

  function clusterRadius(count, cap) {
    return Math.min(10 + 4.2 * Math.log10(Math.max(1, count)), cap);
  }

  /** Half the smaller side of one grid cell on screen, so neighbouring clusters barely touch. */
  function radiusCap(map, c) {
    if (!c.cell || !(c.cell[0] > 0) || !(c.cell[1] > 0)) return Infinity;
    var centre = map.getCenter();
    var a = map.latLngToContainerPoint(centre);
    var b = map.latLngToContainerPoint([centre.lat + c.cell[1], centre.lng + c.cell[0]]);
    return Math.max(9, 0.55 * Math.min(Math.abs(b.x - a.x), Math.abs(b.y - a.y)));
  }

  function paintClusters(ctx, map, size, c) {
    var cats = categories();
    var k = cats.length;
    var n = c.count.length;
    var hits = [];
    var cap = radiusCap(map, c);
    for (var i = 0; i < n; i++) {
      var p = map.latLngToContainerPoint([c.lat[i], c.lng[i]]);
      var r = clusterRadius(c.count[i], cap);
      if (p.x < -r || p.y < -r || p.x > size.x + r || p.y > size.y + r) continue;
      hits.push({ i: i, x: p.x, y: p.y, r: r });
    }
    // Big clusters first so small ones stay visible on top of them.
    hits.sort(function (a, b) { return c.count[b.i] - c.count[a.i]; });
    ctx.font = "bold 11px " + FONT;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    hits.forEach(function (h) {
      var sum = 0;
      var j;
      for (j = 0; j < k; j++) sum += c.cats[h.i * k + j] || 0;
      ctx.beginPath();
      ctx.arc(h.x, h.y, h.r + 1.5, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255,255,255,0.95)";
      ctx.shadowColor = "rgba(0,0,0,0.35)";
      ctx.shadowBlur = 3;
      ctx.fill();
      ctx.shadowBlur = 0;
      var start = -Math.PI / 2;
      if (sum === 0) {
        ctx.beginPath();
        ctx.arc(h.x, h.y, h.r, 0, 2 * Math.PI);
        ctx.fillStyle = NO_DATA;
        ctx.fill();
      }
      for (j = 0; j < k && sum > 0; j++) {
        var v = c.cats[h.i * k + j] || 0;
        if (!v) continue;
        var end = start + (v / sum) * 2 * Math.PI;
        ctx.beginPath();
        ctx.moveTo(h.x, h.y);
        ctx.arc(h.x, h.y, h.r, start, end);
        ctx.closePath();
        ctx.fillStyle = cats[j].colour;
        ctx.fill();
        start = end;
      }
      ctx.beginPath();
      ctx.arc(h.x, h.y, h.r * 0.62, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255,255,255,0.93)";
      ctx.fill();
      var label = shortCount(c.count[h.i], state.lang);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(label, h.x, h.y + 0.5);
      ctx.fillStyle = "#263238";
      ctx.fillText(label, h.x, h.y + 0.5);
    });
    state.hits.clusters = hits.reverse(); // topmost first
  }

  function paintPoints(ctx, map, size, pts) {
    var cats = categories();
    var n = pts.id.length;
    var xs = new Float32Array(n);
    var ys = new Float32Array(n);
    var byCat = [];
    for (var i = 0; i < n; i++) {
      var p = map.latLngToContainerPoint([pts.lat[i], pts.lng[i]]);
      xs[i] = p.x;
      ys[i] = p.y;
      if (p.x < -POINT_R || p.y < -POINT_R || p.x > size.x + POINT_R || p.y > size.y + POINT_R) continue;
      (byCat[pts.cat[i]] = byCat[pts.cat[i]] || []).push(i);
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    byCat.forEach(function (list, cat) {
      if (!list) return;
      ctx.beginPath();
      list.forEach(function (idx) {
        ctx.moveTo(xs[idx] + POINT_R, ys[idx]);
        ctx.arc(xs[idx], ys[idx], POINT_R, 0, 2 * Math.PI);
      });
      ctx.fillStyle = (cats[cat] && cats[cat].colour) || NO_DATA;
      ctx.fill();
      ctx.stroke();
    });
    state.hits.points = { xs: xs, ys: ys };
  }

  function paintEntities(ctx, map, size) {
    var p = state.payload;
    state.hits.clusters = [];
    state.hits.points = null;
    if (!p) return;
    if (p.mode === "clusters" && p.clusters) paintClusters(ctx, map, size, p.clusters);
    else if (p.mode === "points" && p.points) paintPoints(ctx, map, size, p.points);
  }

  function square(ctx, x, y) {
    ctx.rect(x - 5, y - 5, 10, 10);
  }

  function triangle(ctx, x, y) {
    ctx.moveTo(x, y - 7);
    ctx.lineTo(x + 6.5, y + 5);
    ctx.lineTo(x - 6.5, y + 5);
    ctx.closePath();
  }

  function diamond(ctx, x, y) {
    ctx.moveTo(x, y - 8);
    ctx.lineTo(x + 8, y);
    ctx.lineTo(x, y + 8);
    ctx.lineTo(x - 8, y);
    ctx.closePath();
  }

  function overlayPainter(name) {
    return function (ctx, map, size) {
      var set = state.payload && state.payload.overlays && state.payload.overlays[name];
      var hits = [];
      state.hits[name] = hits;
      if (!set) return;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#ffffff";
      for (var i = 0; i < set.id.length; i++) {
        var p = map.latLngToContainerPoint([set.lat[i], set.lng[i]]);
        if (p.x < -8 || p.y < -8 || p.x > size.x + 8 || p.y > size.y + 8) continue;
        ctx.beginPath();
        if (name === "clues") {
          triangle(ctx, p.x, p.y);
          ctx.fillStyle = set.overdue && set.overdue[i] ? OVERDUE_COLOUR : CLUE_COLOUR;
        } else if (name === "themes") {
          diamond(ctx, p.x, p.y);
          ctx.fillStyle = THEME_COLOUR;
        } else {
          square(ctx, p.x, p.y);
          ctx.fillStyle = DRAW_COLOUR;
        }
        ctx.fill();
        ctx.stroke();
        hits.push({ i: i, x: p.x, y: p.y, r: 7 });
      }
      hits.reverse();
    };
  }

  // --------------------------------------------------------------- hit testing

  function nearestDisc(hits, x, y, slop) {
    for (var i = 0; i < hits.length; i++) {
      var h = hits[i];
      var dx = x - h.x;
      var dy = y - h.y;
      if (dx * dx + dy * dy <= (h.r + slop) * (h.r + slop)) return h;
    }
    return null;
  }

  function nearestPoint(pts, x, y) {
    if (!pts) return null;
    var best = -1;
    var bestD = (POINT_R + HIT_SLOP) * (POINT_R + HIT_SLOP);
    for (var i = 0; i < pts.xs.length; i++) {
      var dx = x - pts.xs[i];
      var dy = y - pts.ys[i];
      var d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best < 0 ? null : { i: best, x: pts.xs[best], y: pts.ys[best], r: POINT_R };
  }

  function hitTest(point) {
    var map = state.map;
    var layers = state.layers;
    var h;
    if (map.hasLayer(layers.themes) && (h = nearestDisc(state.hits.themes, point.x, point.y, 1))) {
      return { kind: "themes", hit: h };
    }
    if (map.hasLayer(layers.clues) && (h = nearestDisc(state.hits.clues, point.x, point.y, 1))) {
      return { kind: "clues", hit: h };
    }
    if (map.hasLayer(layers.draw) && (h = nearestDisc(state.hits.draw, point.x, point.y, 1))) {
      return { kind: "draw", hit: h };
    }
    if (!map.hasLayer(layers.entities)) return null;
    if ((h = nearestPoint(state.hits.points, point.x, point.y))) return { kind: "point", hit: h };
    if ((h = nearestDisc(state.hits.clusters, point.x, point.y, 0))) return { kind: "cluster", hit: h };
    return null;
  }

  // The level the choropleth colours: "town", or "village" once surveyed village boundaries exist.
  function regionLevel() {
    var ch = state.payload && state.payload.choropleth;
    return (ch && ch.level) || "town";
  }

  function regionAt(latlng) {
    var x = latlng.lng;
    var y = latlng.lat;
    var level = regionLevel();
    for (var r = 0; r < state.regions.length; r++) {
      if (state.regions[r].level !== level) continue;
      var rings = state.regions[r].rings;
      for (var k = 0; k < rings.length; k++) {
        var ring = rings[k];
        var inside = false;
        for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
          if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
        if (inside) return state.regions[r].props;
      }
    }
    return null;
  }

  function busyDrawing() {
    var pm = state.map.pm;
    return !!pm && (pm.globalDrawModeEnabled() || pm.globalEditModeEnabled() || pm.globalRemovalModeEnabled());
  }

  // ------------------------------------------------------------------ tooltips

  function tipHtml(found) {
    var p = state.payload;
    var cats = categories();
    var i = found.hit.i;
    if (found.kind === "cluster") {
      var c = p.clusters;
      var k = cats.length;
      var rows = [];
      for (var j = 0; j < k; j++) {
        var v = c.cats[i * k + j];
        if (v) rows.push("<div>" + swatch(cats[j].colour) + esc(cats[j].label) + " <b>" + fullCount(v) + "</b></div>");
      }
      return "<div class=\"tongguan-tip-head\"><b>" + fullCount(c.count[i]) + "</b> " + esc(t("entitiesUnit")) +
        "</div>" + rows.join("") + "<div class=\"tongguan-tip-hint\">" + esc(t("clickToZoom")) + "</div>";
    }
    if (found.kind === "point") {
      var cat = cats[p.points.cat[i]];
      return (cat ? "<div>" + swatch(cat.colour) + esc(cat.label) + "</div>" : "") +
        "<div class=\"tongguan-tip-hint\">" + esc(t("clickToOpen")) + "</div>";
    }
    var set = p.overlays[found.kind];
    if (found.kind === "themes") {
      return "<div>" + swatch(THEME_COLOUR, "diamond") + esc(set.label) + "</div>" +
        "<div>" + esc((set.title || [])[i] || "") + "</div>" +
        (set.id[i] ? "<div class=\"tongguan-tip-hint\">" + esc(t("clickToOpen")) + "</div>" : "");
    }
    if (found.kind === "clues") {
      var overdue = set.overdue && set.overdue[i];
      return "<div>" + swatch(overdue ? OVERDUE_COLOUR : CLUE_COLOUR, "triangle") + esc(set.label) + "</div>" +
        (overdue ? "<div class=\"tongguan-tip-alert\">" + esc(t("overdue")) + "</div>" : "");
    }
    return "<div>" + swatch(DRAW_COLOUR, "square") + esc(set.label) + "</div>" +
      "<div class=\"tongguan-tip-hint\">" + esc(t("clickToOpen")) + "</div>";
  }

  function regionTip(props) {
    var ch = state.payload && state.payload.choropleth;
    var v = ch ? ch.values[props.code] : undefined;
    return "<div><b>" + esc(props.name) + "</b></div>" +
      (ch ? "<div>" + esc(ch.label) + " <b>" + esc(formatValue(v, ch.format)) + "</b></div>" : "");
  }

  function showTip(point, html) {
    var tip = state.tip;
    tip.innerHTML = html;
    tip.style.display = "block";
    var size = state.map.getSize();
    var x = point.x + 14;
    var y = point.y + 14;
    if (x + tip.offsetWidth > size.x - 4) x = point.x - tip.offsetWidth - 14;
    if (y + tip.offsetHeight > size.y - 4) y = point.y - tip.offsetHeight - 14;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }

  function hideTip() {
    if (state.tip) state.tip.style.display = "none";
    if (state.map) state.map.getContainer().style.cursor = "";
  }

  function onMouseMove(e) {
    if (busyDrawing()) return hideTip();
    var found = hitTest(e.containerPoint);
    if (found) {
      state.map.getContainer().style.cursor = "pointer";
      return showTip(e.containerPoint, tipHtml(found));
    }
    state.map.getContainer().style.cursor = "";
    var region = state.map.hasLayer(state.layers.choropleth) ? regionAt(e.latlng) : null;
    if (region) return showTip(e.containerPoint, regionTip(region));
    hideTip();
  }

  function onClick(e) {
    if (busyDrawing()) return;
    var found = hitTest(e.containerPoint);
    if (!found) return;
    var map = state.map;
    var p = state.payload;
    var i = found.hit.i;
    hideTip();
    if (found.kind === "cluster") {
      var target = Math.min(map.getZoom() + 2, map.getMaxZoom());
      map.setView([p.clusters.lat[i], p.clusters.lng[i]], target);
    } else if (found.kind === "point") {
      call("entityClicked", p.points.id[i]);
    } else if (found.kind === "draw") {
      call("entityClicked", p.overlays.draw.id[i]);
    } else if (found.kind === "themes" && p.overlays.themes.id[i]) {
      call("entityClicked", p.overlays.themes.id[i]);
    }
  }

  // ------------------------------------------------------- legend and caption

  function visibleCounts() {
    var p = state.payload;
    var cats = categories();
    var out = cats.map(function (c) { return c.visible; });
    if (out.every(function (v) { return typeof v === "number"; })) return out;
    out = cats.map(function () { return 0; });
    var k = cats.length;
    var i;
    if (p.mode === "clusters" && p.clusters) {
      for (i = 0; i < p.clusters.cats.length; i++) out[i % k] += p.clusters.cats[i];
    } else if (p.points) {
      for (i = 0; i < p.points.cat.length; i++) out[p.points.cat[i]] += 1;
    }
    return out;
  }

  function classOf(value, breaks) {
    if (value === undefined || value === null || !breaks.length) return -1;
    var cls = 0;
    for (var i = 1; i < breaks.length; i++) if (value >= breaks[i]) cls = i;
    return cls;
  }

  function rampColour(cls, n) {
    if (cls < 0) return null;
    if (n <= 1) return RAMP[2];
    return RAMP[Math.round((cls * (RAMP.length - 1)) / (n - 1))];
  }

  function legendHtml() {
    var p = state.payload;
    var map = state.map;
    var parts = [];
    if (!p) return "";
    if (map.hasLayer(state.layers.entities)) {
      var counts = visibleCounts();
      parts.push("<div class=\"tongguan-legend-title\">" + esc(p.colour_by ? p.colour_by.label : "") + "</div>");
      categories().forEach(function (c, i) {
        parts.push("<div class=\"tongguan-legend-row\">" + swatch(c.colour) + "<span>" + esc(c.label) +
          "</span><b>" + fullCount(counts[i] || 0) + "</b></div>");
      });
    }
    var ov = p.overlays || {};
    if (ov.draw && map.hasLayer(state.layers.draw)) {
      parts.push("<div class=\"tongguan-legend-row\">" + swatch(DRAW_COLOUR, "square") + "<span>" +
        esc(ov.draw.label) + "</span><b>" + fullCount(ov.draw.id.length) + "</b></div>");
    }
    if (ov.themes && map.hasLayer(state.layers.themes)) {
      parts.push("<div class=\"tongguan-legend-row\">" + swatch(THEME_COLOUR, "diamond") + "<span>" +
        esc(ov.themes.label) + "</span><b>" + fullCount(ov.themes.id.length) + "</b></div>");
    }
    if (ov.clues && map.hasLayer(state.layers.clues)) {
      var late = (ov.clues.overdue || []).reduce(function (a, b) { return a + (b ? 1 : 0); }, 0);
      parts.push("<div class=\"tongguan-legend-row\">" + swatch(CLUE_COLOUR, "triangle") + "<span>" +
        esc(ov.clues.label) + "</span><b>" + fullCount(ov.clues.id.length - late) + "</b></div>");
      parts.push("<div class=\"tongguan-legend-row\">" + swatch(OVERDUE_COLOUR, "triangle") + "<span>" +
        esc(t("overdue")) + "</span><b>" + fullCount(late) + "</b></div>");
    }
    var ch = p.choropleth;
    if (ch && map.hasLayer(state.layers.choropleth)) {
      parts.push("<div class=\"tongguan-legend-title tongguan-legend-gap\">" + esc(ch.label) + "</div>");
      var b = ch.breaks || [];
      b.forEach(function (lo, i) {
        var range = i + 1 < b.length
          ? formatValue(lo, ch.format) + " – " + formatValue(b[i + 1], ch.format)
          : "≥ " + formatValue(lo, ch.format);
        parts.push("<div class=\"tongguan-legend-row\">" + swatch(rampColour(i, b.length), "box") +
          "<span>" + esc(range) + "</span></div>");
      });
      // Village regions exist only when surveyed; town regions say whether they are approximate.
      var note = ch.level === "village" ? t("villageNote") : t("approximate");
      parts.push("<div class=\"tongguan-legend-note\">" + esc(note) + "</div>");
    }
    return parts.join("");
  }

  function updateLegend() {
    var html = legendHtml();
    state.legend.innerHTML = html;
    state.legend.style.display = html ? "block" : "none";
  }

  function updateCaption() {
    var p = state.payload;
    if (!p) {
      state.caption.style.display = "none";
      return;
    }
    state.caption.innerHTML = "<div class=\"tongguan-caption-title\">" + esc(p.title || "") + "</div>" +
      "<div class=\"tongguan-caption-counts\">" + esc(t("total")) + " <b>" + shortCount(p.total, state.lang) +
      "</b> · " + esc(t("visible")) + " <b>" + shortCount(p.visible, state.lang) + "</b></div>";
    state.caption.style.display = "block";
  }

  // ------------------------------------------------------- heat and choropleth

  function updateHeat() {
    var h = state.payload && state.payload.heat;
    var latlngs = [];
    if (h) for (var i = 0; i < h.lat.length; i++) latlngs.push([h.lat[i], h.lng[i], h.w[i]]);
    state.heat.setLatLngs(latlngs);
  }

  function styleRegions() {
    var ch = state.payload && state.payload.choropleth;
    var breaks = (ch && ch.breaks) || [];
    var level = regionLevel();
    state.layers.choropleth.eachLayer(function (layer) {
      if ((layer.feature.properties.level || "town") !== level) {
        layer.setStyle({ opacity: 0, fillOpacity: 0 });
        return;
      }
      var v = ch ? ch.values[layer.feature.properties.code] : undefined;
      var colour = rampColour(classOf(v, breaks), breaks.length);
      layer.setStyle({
        color: "#ffffff", weight: 1.2, opacity: 0.9,
        fillColor: colour || NO_DATA, fillOpacity: colour ? 0.6 : 0.15
      });
    });
  }

  // ---------------------------------------------------------------- the protocol

  function apply(payload) {
    if (typeof payload === "string") payload = JSON.parse(payload);
    if (!payload) return false;
    if (payload.seq > 0 && payload.seq < state.appliedSeq) return false; // an answer overtaken by a newer one
    var t0 = performance.now();
    state.payload = payload;
    if (payload.seq > 0) state.appliedSeq = payload.seq;
    if (payload.fit) state.map.fitBounds(payload.fit, { animate: false });
    if (payload.layers) showLayers(payload.layers);
    state.layers.entities.redraw();
    state.layers.draw.redraw();
    state.layers.clues.redraw();
    state.layers.themes.redraw();
    updateHeat();
    styleRegions();
    updateLegend();
    updateCaption();
    var clusters = payload.mode === "clusters" && payload.clusters ? payload.clusters.count.length : 0;
    var points = payload.mode === "points" && payload.points ? payload.points.id.length : 0;
    call("painted", JSON.stringify({
      seq: payload.seq || 0, ms: Math.round((performance.now() - t0) * 100) / 100,
      clusters: clusters, points: points
    }));
    return true;
  }

  function sendView() {
    var map = state.map;
    var b = map.getBounds();
    var size = map.getSize();
    state.viewSeq += 1;
    call("viewChanged", JSON.stringify({
      seq: state.viewSeq, south: round6(b.getSouth()), west: round6(b.getWest()),
      north: round6(b.getNorth()), east: round6(b.getEast()), zoom: map.getZoom(),
      width: size.x, height: size.y
    }));
  }

  // One report per animation frame; the timer covers a hidden view, where frames stop.
  function scheduleView() {
    if (state.viewTimer || !state.bridge) return;
    var fire = function () {
      if (!state.viewTimer) return;
      window.cancelAnimationFrame(state.viewTimer.frame);
      window.clearTimeout(state.viewTimer.timeout);
      state.viewTimer = null;
      sendView();
    };
    state.viewTimer = { frame: window.requestAnimationFrame(fire), timeout: window.setTimeout(fire, 100) };
  }

  function layerState() {
    var map = state.map;
    var l = state.layers;
    return {
      heat: map.hasLayer(l.heat), choropleth: map.hasLayer(l.choropleth), entities: map.hasLayer(l.entities),
      draw: map.hasLayer(l.draw), clues: map.hasLayer(l.clues), themes: map.hasLayer(l.themes)
    };
  }

  // A payload may say which overlays to show (an exported map, a view restored on the wall).
  function showLayers(wanted) {
    Object.keys(wanted).forEach(function (name) {
      var layer = state.layers[name];
      if (!layer) return;
      if (wanted[name] && !state.map.hasLayer(layer)) layer.addTo(state.map);
      if (!wanted[name] && state.map.hasLayer(layer)) state.map.removeLayer(layer);
    });
  }

  function onLayersToggled() {
    updateLegend();
    hideTip();
    call("layersChanged", JSON.stringify(layerState()));
  }

  // --------------------------------------------------------------- selection

  function selectionMessage() {
    var layer = state.selection;
    if (!layer) return { type: "none" };
    var ring = layer.getLatLngs()[0].map(function (ll) { return [round6(ll.lat), round6(ll.lng)]; });
    return { type: layer.tongguanShape, ring: ring };
  }

  function sendSelection() {
    call("selectionDrawn", JSON.stringify(selectionMessage()));
  }

  function setSelection(layer, shape) {
    if (state.selection && state.selection !== layer) state.map.removeLayer(state.selection);
    state.selection = layer;
    layer.tongguanShape = shape === "Rectangle" ? "rectangle" : "polygon";
    layer.on("pm:edit", sendSelection);
    sendSelection();
  }

  function clearSelection() {
    if (state.selection) {
      state.map.removeLayer(state.selection);
      state.selection = null;
    }
    sendSelection();
  }

  function setUpDrawing(map) {
    if (!map.pm) return;
    map.pm.setLang(isEnglish(state.lang) ? "en" : "zh");
    map.pm.setGlobalOptions({
      snappable: false, continueDrawing: false,
      pathOptions: { color: "#c2185b", weight: 2, dashArray: "6 4", fillColor: "#c2185b", fillOpacity: 0.06 }
    });
    map.pm.addControls({
      position: "topleft", drawMarker: false, drawCircleMarker: false, drawPolyline: false,
      drawCircle: false, drawText: false, drawRectangle: true, drawPolygon: true, editMode: true,
      dragMode: false, cutPolygon: false, rotateMode: false, removalMode: true
    });
    map.on("pm:create", function (e) {
      setSelection(e.layer, e.shape);
    });
    map.on("pm:remove", function (e) {
      if (e.layer === state.selection) {
        state.selection = null;
        sendSelection();
      }
    });
    map.on("pm:drawstart", hideTip);
  }

  // Geoman edits every layer it meets; only the drawn selection is ours to edit.
  function ignoreForDrawing(layer) {
    if (!layer) return;
    if (layer.options) layer.options.pmIgnore = true;
    if (layer.eachLayer) layer.eachLayer(ignoreForDrawing);
  }

  // --------------------------------------------------------------------- set-up

  function control(position, className, onAdd) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "leaflet-control " + className);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      if (onAdd) onAdd(div);
      return div;
    };
    return ctl;
  }

  // Town regions and (when surveyed) village regions in one layer; styleRegions shows one level.
  function buildRegions(towns, villages) {
    var features = ((towns && towns.features) || []).concat((villages && villages.features) || []);
    state.regions = features.map(function (f) {
      var g = f.geometry;
      var rings = g.type === "MultiPolygon" ? g.coordinates.map(function (p) { return p[0]; }) : [g.coordinates[0]];
      return { rings: rings, level: f.properties.level || "town", props: f.properties };
    });
    return L.geoJSON({ type: "FeatureCollection", features: features }, {
      pane: "tongguanRegions", interactive: false, pmIgnore: true,
      renderer: L.canvas({ pane: "tongguanRegions" }),
      style: { color: "#ffffff", weight: 1.2, fillColor: NO_DATA, fillOpacity: 0.15 }
    });
  }

  function connectChannel() {
    var qt = window.qt;
    if (typeof window.QWebChannel !== "function" || !qt || !qt.webChannelTransport) return false;
    new window.QWebChannel(qt.webChannelTransport, function (channel) {
      state.bridge = channel.objects.bridge || null;
      if (!state.bridge) return;
      if (state.bridge.payloadReady) state.bridge.payloadReady.connect(apply);
      call("pageReady");
      call("layersChanged", JSON.stringify(layerState()));
      sendView();
    });
    return true;
  }

  /**
   * Set the page up on folium's `map`. `refs` holds folium's layers (`base`, `labels`, `towns`,
   * `villages`, any may be null); `options`: `texts`, `lang`, `regions` and `villageRegions` (GeoJSON),
   * `bounds` ([[s, w], [n, e]]), `show` (initial overlay visibility).
   */
  function init(map, refs, options) {
    options = options || {};
    state.map = map;
    state.texts = options.texts || {};
    state.lang = options.lang || "zh_CN";
    map.createPane("tongguanRegions").style.zIndex = 350;
    map.createPane("tongguanEntities").style.zIndex = 450;
    map.createPane("tongguanOverlays").style.zIndex = 460;
    if (map.attributionControl) map.attributionControl.setPrefix("Leaflet");

    var l = state.layers;
    l.entities = new CanvasLayer(paintEntities, { pane: "tongguanEntities" });
    l.draw = new CanvasLayer(overlayPainter("draw"), { pane: "tongguanOverlays" });
    l.clues = new CanvasLayer(overlayPainter("clues"), { pane: "tongguanOverlays" });
    l.themes = new CanvasLayer(overlayPainter("themes"), { pane: "tongguanOverlays" });
    // Weights arrive aggregated for the view, so no zoom scaling (maxZoom 0). The wrapper
    // group keeps the layer control from disabling an overlay whose maxZoom is below the map's.
    state.heat = L.heatLayer([], { radius: 24, blur: 20, max: 1, maxZoom: 0, minOpacity: 0.25 });
    l.heat = L.layerGroup([state.heat]);
    l.choropleth = buildRegions(options.regions, options.villageRegions);
    [refs.towns, refs.villages, refs.labels].forEach(ignoreForDrawing);
    if (refs.labels) {
      // The label overlay (注记) goes above the choropleth, below the entities; it takes no clicks.
      var labelPane = map.createPane("tongguanLabels");
      labelPane.style.zIndex = 400;
      labelPane.style.pointerEvents = "none";
      map.removeLayer(refs.labels);
      refs.labels.options.pane = "tongguanLabels";
      refs.labels.addTo(map);
    }
    if (refs.towns) l.towns = refs.towns;
    if (refs.villages) l.villages = refs.villages;

    var show = L.extend({ choropleth: false, heat: false, entities: true, draw: true, clues: false, themes: false },
      options.show);
    ["choropleth", "heat", "entities", "draw", "clues", "themes"].forEach(function (name) {
      if (show[name]) l[name].addTo(map);
    });
    var base = {};
    base[refs.base ? t("base") : t("schematic")] = refs.base || L.layerGroup().addTo(map);
    var overlays = {};
    if (refs.labels) overlays[t("labels")] = refs.labels;
    overlays[t("entities")] = l.entities;
    overlays[t("heat")] = l.heat;
    overlays[t("choropleth")] = l.choropleth;
    if (refs.towns) overlays[t("towns")] = refs.towns;
    if (refs.villages) overlays[t("villages")] = refs.villages;
    overlays[t("draw")] = l.draw;
    overlays[t("clues")] = l.clues;
    overlays[t("themes")] = l.themes;
    L.control.layers(base, overlays, { collapsed: false, position: "topright" }).addTo(map);

    control("bottomright", "tongguan-legend", function (div) { state.legend = div; }).addTo(map);
    state.legend.style.display = "none";
    state.caption = L.DomUtil.create("div", "tongguan-caption", map.getContainer());
    state.caption.style.display = "none";
    state.tip = L.DomUtil.create("div", "tongguan-tip", map.getContainer());
    state.tip.style.display = "none";
    setUpDrawing(map);

    if (options.bounds) map.fitBounds(options.bounds, { animate: false });
    map.on("mousemove", onMouseMove);
    map.on("mouseout movestart zoomstart", hideTip);
    map.on("click", onClick);
    map.on("moveend", scheduleView);
    map.on("overlayadd overlayremove", onLayersToggled);

    if (!connectChannel() && window.TONGGUAN_STATIC) apply(window.TONGGUAN_STATIC);
  }

  window.tongguan = {
    init: init,
    apply: apply,
    clearSelection: clearSelection,
    setView: function (lat, lng, zoom) {
      state.map.setView([lat, lng], zoom === undefined ? state.map.getZoom() : zoom, { animate: false });
    },
    get map() { return state.map; },
    get lastPayload() { return state.payload; },
    get selection() { return selectionMessage(); },
    get layers() { return state.map ? layerState() : null; }
  };
})();
