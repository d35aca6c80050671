#include "analysis/shifts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace thaw {
namespace {

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double hi = v[mid];
  if (v.size() % 2 == 1) return hi;
  return (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)) + hi) / 2;
}

// Prefix sums over the periods with events, for O(1) segment costs.
struct Prefix {
  std::vector<double> w, s, q;  // events, Goldstein sums, sum of s^2/w
  explicit Prefix(const std::vector<const PeriodCounts*>& rows)
      : w(rows.size() + 1), s(rows.size() + 1), q(rows.size() + 1) {
    for (size_t i = 0; i < rows.size(); ++i) {
      const double n = static_cast<double>(rows[i]->events);
      w[i + 1] = w[i] + n;
      s[i + 1] = s[i] + rows[i]->goldstein_sum;
      q[i + 1] = q[i] + rows[i]->goldstein_sum * rows[i]->goldstein_sum / n;
    }
  }
  // Rows [a, b): sum of n_i (m_i - M)^2 = sum s_i^2/n_i - S^2/W.
  double Cost(size_t a, size_t b) const {
    const double W = w[b] - w[a], S = s[b] - s[a];
    return W > 0 ? (q[b] - q[a]) - S * S / W : 0;
  }
  double Mean(size_t a, size_t b) const {
    const double W = w[b] - w[a];
    return W > 0 ? (s[b] - s[a]) / W : 0;
  }
  int64_t Events(size_t a, size_t b) const { return static_cast<int64_t>(w[b] - w[a]); }
};

}  // namespace

std::vector<Shift> FindShifts(std::span<const PeriodCounts> series, const ShiftOptions& options) {
  std::vector<const PeriodCounts*> rows;
  std::vector<size_t> row_index;
  for (size_t i = 0; i < series.size(); ++i) {
    if (series[i].events > 0) {
      rows.push_back(&series[i]);
      row_index.push_back(i);
    }
  }
  const size_t n = rows.size();
  if (n < 4) return {};
  const Prefix pre(rows);

  // Noise scale from successive differences.
  std::vector<double> d;
  for (size_t i = 0; i + 1 < n; ++i) {
    const double a = static_cast<double>(rows[i]->events),
                 b = static_cast<double>(rows[i + 1]->events);
    d.push_back((rows[i + 1]->GoldsteinMean() - rows[i]->GoldsteinMean()) /
                std::sqrt(1 / a + 1 / b));
  }
  const double med = Median(d);
  for (double& x : d) x = std::abs(x - med);
  // Each scaled difference has variance sigma^2 where the mean does not move; 1.4826 * MAD
  // estimates its standard deviation.
  double sigma = 1.4826 * Median(d);
  sigma = std::max(sigma, 0.25);  // identical periods: no shift is worth a change point anyway
  const double beta = options.penalty * sigma * sigma * std::log(std::max(pre.w[n], 2.0));

  // PELT: F[t] = min over admissible s < t of F[s] + Cost(s, t) + beta.
  std::vector<double> F(n + 1, 0);
  std::vector<size_t> last(n + 1, 0);
  F[0] = -beta;
  std::vector<size_t> admissible{0};
  for (size_t t = 1; t <= n; ++t) {
    double best = std::numeric_limits<double>::infinity();
    size_t arg = 0;
    for (size_t s : admissible) {
      const double v = F[s] + pre.Cost(s, t) + beta;
      if (v < best) {
        best = v;
        arg = s;
      }
    }
    F[t] = best;
    last[t] = arg;
    std::erase_if(admissible, [&](size_t s) { return F[s] + pre.Cost(s, t) > F[t]; });
    admissible.push_back(t);
  }
  std::vector<size_t> cuts;  // segment starts after the first, in row indices
  for (size_t t = n; last[t] > 0; t = last[t]) cuts.push_back(last[t]);
  std::reverse(cuts.begin(), cuts.end());

  // Evidence rule: drop the weakest failing change point until every one passes.
  while (!cuts.empty()) {
    size_t worst = cuts.size();
    double worst_size = std::numeric_limits<double>::infinity();
    for (size_t k = 0; k < cuts.size(); ++k) {
      const size_t a = k == 0 ? 0 : cuts[k - 1], c = cuts[k],
                   b = k + 1 < cuts.size() ? cuts[k + 1] : n;
      const double size = std::abs(pre.Mean(c, b) - pre.Mean(a, c));
      const double n1 = static_cast<double>(pre.Events(a, c)),
                   n2 = static_cast<double>(pre.Events(c, b));
      const bool ok = pre.Events(a, c) >= options.min_events &&
                      pre.Events(c, b) >= options.min_events && size >= options.min_size &&
                      size >= options.min_z * sigma * std::sqrt(1 / n1 + 1 / n2);
      if (!ok && size < worst_size) {
        worst = k;
        worst_size = size;
      }
    }
    if (worst == cuts.size()) break;
    cuts.erase(cuts.begin() + static_cast<std::ptrdiff_t>(worst));
  }

  std::vector<Shift> out;
  for (size_t k = 0; k < cuts.size(); ++k) {
    const size_t a = k == 0 ? 0 : cuts[k - 1], c = cuts[k],
                 b = k + 1 < cuts.size() ? cuts[k + 1] : n;
    Shift s;
    s.index = row_index[c];
    s.period = rows[c]->period;
    s.before = pre.Mean(a, c);
    s.after = pre.Mean(c, b);
    s.events_before = pre.Events(a, c);
    s.events_after = pre.Events(c, b);
    out.push_back(s);
  }
  return out;
}

}  // namespace thaw
