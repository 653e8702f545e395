//! Small statistics on counts: Wilson intervals, means of scale positions and
//! differences with a normal-approximation interval.

/// The z value of a two-sided 95 % interval.
pub const Z95: f64 = 1.959964;

/// A closed interval of two numbers, `lo` ≤ `hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower end.
    pub lo: f64,
    /// Upper end.
    pub hi: f64,
}

/// The 95 % Wilson score interval for `x` successes out of `n`, within 0..=1 and always
/// holding `x / n`. With `n` = 0 it is the whole 0..=1.
pub fn wilson(x: usize, n: usize) -> Interval {
    if n == 0 {
        return Interval { lo: 0.0, hi: 1.0 };
    }
    let (x, n) = (x.min(n) as f64, n as f64);
    let p = x / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // In exact arithmetic lo ≤ p ≤ hi; rounding can put an end a hair past p (at x = 0
    // or x = n), so the ends are held to it.
    Interval { lo: (centre - half).min(p).max(0.0), hi: (centre + half).max(p).min(1.0) }
}

/// The share of students whose answer holds one of a set of codes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Students whose answer holds one of the codes.
    pub x: usize,
    /// Students with a real answer ("weet ik niet", "sla over" and no answer left out).
    pub n: usize,
    /// `x / n`, within 0..=1.
    pub p: f64,
    /// The 95 % Wilson interval around `p`.
    pub ci: Interval,
}

impl Share {
    /// The share of `x` out of `n`.
    pub fn of(x: usize, n: usize) -> Share {
        Share { x, n, p: ratio(x, n), ci: wilson(x, n) }
    }
}

/// One group's answers on a scale with positions 1..=points.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Answers per position, lowest first ("weet ik niet" left out).
    pub counts: Vec<usize>,
    /// The number of answers.
    pub n: usize,
    /// Mean position, 1..=points.
    pub mean: f64,
    /// Sample variance of the positions (divided by `n` − 1).
    pub variance: f64,
    /// Share agreeing: answers in the top half of the points (positions 3 and 4 of 4;
    /// with an odd number, the points above the middle: 4 and 5 of 5, 3 of 3).
    pub agree: f64,
}

impl Group {
    /// The group with these answers per position, lowest first.
    pub fn of(counts: &[usize]) -> Group {
        let points = counts.len();
        let n: usize = counts.iter().sum();
        let positions = || counts.iter().enumerate().map(|(i, &c)| ((i + 1) as f64, c as f64));
        let mean = positions().map(|(x, c)| x * c).sum::<f64>() / n.max(1) as f64;
        let squares: f64 = positions().map(|(x, c)| c * (x - mean) * (x - mean)).sum();
        let variance = if n > 1 { squares / (n - 1) as f64 } else { 0.0 };
        let agreeing = counts.iter().enumerate().filter(|(i, _)| 2 * (i + 1) > points + 1);
        let agree = ratio(agreeing.map(|(_, c)| c).sum(), n);
        Group { counts: counts.to_vec(), n, mean, variance, agree }
    }

    /// Where the mean falls when the scale is cut in thirds (Niet / Deels / Wel). A mean
    /// exactly on a third counts as the middle.
    pub fn tier(&self) -> Tier {
        // Exact in whole numbers: 3·(sum − n) against (points − 1)·n and 2·(points − 1)·n.
        let sum: usize = self.counts.iter().enumerate().map(|(i, c)| (i + 1) * c).sum();
        let (here, span) =
            (3 * (sum - self.n.min(sum)), self.counts.len().saturating_sub(1) * self.n);
        if here < span {
            Tier::Low
        } else if here > 2 * span {
            Tier::High
        } else {
            Tier::Middle
        }
    }
}

/// The third of a scale a mean falls in: lower third, middle or upper third.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// The lower third ("niet").
    Low,
    /// The middle third ("deels"), ends included.
    Middle,
    /// The upper third ("wel").
    High,
}

/// A difference between two groups with its 95 % interval (normal approximation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// The second group's figure minus the first group's.
    pub diff: f64,
    /// `diff` ± 1.96 standard errors.
    pub ci: Interval,
}

impl Difference {
    /// `diff` with a standard error of `sqrt(variance)`.
    fn of(diff: f64, variance: f64) -> Difference {
        let half = Z95 * variance.sqrt();
        Difference { diff, ci: Interval { lo: diff - half, hi: diff + half } }
    }

    /// Mean of `b` minus mean of `a`, ± 1.96·sqrt(s_a²/n_a + s_b²/n_b) (Welch).
    pub fn of_means(a: &Group, b: &Group) -> Difference {
        let per = |g: &Group| g.variance / g.n.max(1) as f64;
        Difference::of(b.mean - a.mean, per(a) + per(b))
    }

    /// Share `pb` of `nb` minus share `pa` of `na`, ± 1.96·sqrt(pa(1−pa)/na + pb(1−pb)/nb).
    pub fn of_shares(pa: f64, na: usize, pb: f64, nb: usize) -> Difference {
        let per = |p: f64, n: usize| p * (1.0 - p) / n.max(1) as f64;
        Difference::of(pb - pa, per(pa, na) + per(pb, nb))
    }
}

/// `x / n`, or 0 when `n` is 0.
fn ratio(x: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        x as f64 / n as f64
    }
}
