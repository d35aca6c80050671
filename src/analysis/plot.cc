#include "analysis/plot.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/file.h"
#include "base/strings.h"

namespace thaw {
namespace {

struct Rgb {
  double r, g, b;
};
constexpr Rgb kVerbalCoop{0.60, 0.82, 0.60}, kMaterialCoop{0.18, 0.55, 0.24};
constexpr Rgb kVerbalConflict{0.96, 0.62, 0.58}, kMaterialConflict{0.78, 0.16, 0.14};
constexpr Rgb kLine{0.13, 0.31, 0.65}, kInk{0.15, 0.15, 0.15}, kGrid{0.88, 0.88, 0.88};

void SetColor(cairo_t* cr, Rgb c, double alpha = 1) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void Text(cairo_t* cr, double x, double y, const std::string& s, double size, double align = 0,
          bool bold = false) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, s.c_str(), &ext);
  cairo_move_to(cr, x - align * ext.x_advance, y);
  cairo_show_text(cr, s.c_str());
}

// A "nice" axis step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to `max`.
double NiceStep(double max, int ticks) {
  const double raw = std::max(max, 1.0) / ticks;
  const double p = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw) return std::max(1.0, m * p);
  }
  return 10 * p;
}

void Draw(cairo_t* cr, const Chart& c) {
  const double W = c.width, H = c.height;
  const double left = 70, right = 70, top = 78, bottom = 70;
  const double pw = W - left - right, ph = H - top - bottom;
  SetColor(cr, {1, 1, 1});
  cairo_paint(cr);

  int64_t max_up = 0, max_down = 0;
  for (const PeriodCounts& p : c.series) {
    max_up = std::max(max_up, p.quad[1] + p.quad[2]);
    max_down = std::max(max_down, p.quad[3] + p.quad[4]);
  }
  // Counts share one scale both ways; the zero line sits where the two extents meet.
  const double step = NiceStep(static_cast<double>(std::max(max_up, max_down)), 4);
  const double up = std::max(step, std::ceil(static_cast<double>(max_up) / step) * step);
  const double down = std::max(step, std::ceil(static_cast<double>(max_down) / step) * step);
  const double zero_y = top + ph * up / (up + down);
  auto count_y = [&](double v) { return zero_y - v * ph / (up + down); };
  auto gold_y = [&](double g) { return top + ph * (10 - g) / 20; };  // -10 .. +10, own axis

  // Grid and axes.
  cairo_set_line_width(cr, 1);
  for (double v = -down; v <= up + 1e-9; v += step) {
    SetColor(cr, v == 0 ? kInk : kGrid);
    cairo_move_to(cr, left, count_y(v) + 0.5);
    cairo_line_to(cr, left + pw, count_y(v) + 0.5);
    cairo_stroke(cr);
    SetColor(cr, kInk);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", std::abs(v));
    Text(cr, left - 8, count_y(v) + 4, buf, 11, 1);
  }
  for (int g = -10; g <= 10; g += 5) {
    SetColor(cr, kLine);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%+d", g);
    Text(cr, left + pw + 8, gold_y(g) + 4, g == 0 ? "0" : buf, 11);
  }
  SetColor(cr, kInk);
  cairo_save(cr);
  cairo_translate(cr, 18, top + ph / 2);
  cairo_rotate(cr, -M_PI / 2);
  Text(cr, 0, 0, "events: cooperation up, conflict down", 12, 0.5);
  cairo_restore(cr);
  cairo_save(cr);
  cairo_translate(cr, W - 14, top + ph / 2);
  cairo_rotate(cr, M_PI / 2);
  SetColor(cr, kLine);
  Text(cr, 0, 0, "Goldstein mean (-10 .. +10)", 12, 0.5);
  cairo_restore(cr);

  // Bars.
  const size_t n = c.series.size();
  const double slot = pw / static_cast<double>(n);
  const double bar = std::max(1.0, slot * 0.8);
  for (size_t i = 0; i < n; ++i) {
    const PeriodCounts& p = c.series[i];
    const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    auto stack = [&](double from, double count, Rgb color) {
      if (count == 0) return;
      SetColor(cr, color);
      const double y0 = count_y(from), y1 = count_y(from + count);
      cairo_rectangle(cr, x, std::min(y0, y1), bar, std::abs(y1 - y0));
      cairo_fill(cr);
    };
    stack(0, static_cast<double>(p.quad[2]), kMaterialCoop);
    stack(static_cast<double>(p.quad[2]), static_cast<double>(p.quad[1]), kVerbalCoop);
    stack(0, -static_cast<double>(p.quad[4]), kMaterialConflict);
    stack(-static_cast<double>(p.quad[4]), -static_cast<double>(p.quad[3]), kVerbalConflict);
  }

  // Goldstein line through the periods with events.
  SetColor(cr, kLine);
  cairo_set_line_width(cr, 2);
  bool pen = false;
  for (size_t i = 0; i < n; ++i) {
    if (c.series[i].events == 0) continue;
    const double x = left + slot * (static_cast<double>(i) + 0.5),
                 y = gold_y(c.series[i].GoldsteinMean());
    if (pen) {
      cairo_line_to(cr, x, y);
    } else {
      cairo_move_to(cr, x, y);
      pen = true;
    }
  }
  cairo_stroke(cr);
  for (size_t i = 0; i < n; ++i) {
    if (c.series[i].events == 0) continue;
    cairo_arc(cr, left + slot * (static_cast<double>(i) + 0.5), gold_y(c.series[i].GoldsteinMean()),
              2.5, 0, 2 * M_PI);
    cairo_fill(cr);
  }

  // Shifts: a dashed line at the first period of the new regime, labelled above the plot.
  for (const Shift& s : c.shifts) {
    if (s.index >= n) continue;
    const double x = left + slot * static_cast<double>(s.index);
    const Rgb color = s.thaw() ? kMaterialCoop : kMaterialConflict;
    SetColor(cr, color);
    cairo_set_line_width(cr, 1.5);
    const double dash[] = {5, 4};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x, top - 6);
    cairo_line_to(cr, x, top + ph);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s %s %+.1f", s.thaw() ? "thaw" : "chill",
                  PeriodLabel(s.period, c.period).c_str(), s.size());
    Text(cr, x + 3, top - 9, buf, 11, 0, true);
  }

  // Period labels: about twelve, evenly spaced.
  SetColor(cr, kInk);
  const size_t every = std::max<size_t>(1, (n + 11) / 12);
  for (size_t i = 0; i < n; i += every) {
    const double x = left + slot * (static_cast<double>(i) + 0.5);
    cairo_move_to(cr, x, top + ph);
    cairo_line_to(cr, x, top + ph + 4);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    Text(cr, x, top + ph + 18, PeriodLabel(c.series[i].period, c.period), 11, 0.5);
  }

  // Title and legend.
  Text(cr, left, 28, c.title, 18, 0, true);
  Text(cr, left, 48, c.subtitle, 12);
  double lx = left, ly = H - 22;
  auto legend = [&](Rgb color, const std::string& label, bool line) {
    SetColor(cr, color);
    if (line) {
      cairo_set_line_width(cr, 2);
      cairo_move_to(cr, lx, ly - 4);
      cairo_line_to(cr, lx + 14, ly - 4);
      cairo_stroke(cr);
    } else {
      cairo_rectangle(cr, lx, ly - 10, 14, 10);
      cairo_fill(cr);
    }
    SetColor(cr, kInk);
    Text(cr, lx + 19, ly, label, 11);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, label.c_str(), &ext);
    lx += 19 + ext.x_advance + 18;
  };
  legend(kVerbalCoop, "verbal cooperation", false);
  legend(kMaterialCoop, "material cooperation", false);
  legend(kVerbalConflict, "verbal conflict", false);
  legend(kMaterialConflict, "material conflict", false);
  legend(kLine, "Goldstein mean", true);
}

}  // namespace

Status WriteChart(const Chart& chart, const std::string& path) {
  if (chart.series.empty()) return Status::InvalidArgument("no events to chart");
  const bool svg = EndsWith(path, ".svg") || EndsWith(path, ".SVG");
  AtomicFile file(path);  // a chart that fails leaves the old file as it was
  const std::string& temp = file.temp_path();
  cairo_surface_t* surface =
      svg ? cairo_svg_surface_create(temp.c_str(), chart.width, chart.height)
          : cairo_image_surface_create(CAIRO_FORMAT_RGB24, chart.width, chart.height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return Status::IoError(path + ": " + why);
  }
  cairo_t* cr = cairo_create(surface);
  Draw(cr, chart);
  cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  if (st == CAIRO_STATUS_SUCCESS) {
    if (svg) {
      cairo_surface_finish(surface);
      st = cairo_surface_status(surface);
    } else {
      st = cairo_surface_write_to_png(surface, temp.c_str());
    }
  }
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) return Status::IoError(path + ": " + cairo_status_to_string(st));
  return file.Commit();
}

}  // namespace thaw
