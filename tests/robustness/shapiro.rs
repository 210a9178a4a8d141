//! Shapiro–Wilk against SciPy.

use super::*;

/// Synthetic data, identical in Python and Rust: x_i = ((37i + 11) mod 29)·1.5 + √i.
fn synthetic(n: usize) -> Vec<f64> {
    (0..n).map(|i| ((i * 37 + 11) % 29) as f64 * 1.5 + (i as f64).sqrt()).collect()
}

#[test]
fn shapiro_wilk_matches_scipy() {
    // (n, W, p): stats.shapiro(np.array([((i*37 + 11) % 29) * 1.5 + math.sqrt(i) for i in range(n)]))
    let synthetic_refs: [(usize, f64, f64); 7] = [
        (3, 0.9998229372863437, 0.9745857233773901),
        (4, 0.9568708652832391, 0.7592174457685886),
        (5, 0.9751791930273014, 0.9073312305595278),
        (7, 0.9801610300637532, 0.9603156927492181),
        (11, 0.9499339928417454, 0.6431100810452883),
        (20, 0.9691261346745158, 0.736320756869594),
        (50, 0.959226601672688, 0.08250104486003317),
    ];
    for (n, w, p) in synthetic_refs {
        let s = shapiro_wilk(&synthetic(n)).unwrap();
        close(s.w, w, &format!("W n={n}"));
        close_p(s.p, p, &format!("p n={n}"));
    }
    let explicit: [(&[f64], f64, f64); 4] = [
        (&[1.0, 2.0, 4.0], 0.9642857142857142, 0.6368868450289689), // stats.shapiro([1, 2, 4])
        (&[2.0, 2.0, 3.0], 0.7500000000000002, 7.771561172376096e-16), // stats.shapiro([2, 2, 3]): W at its minimum 3/4
        (&[1.0, 2.0, 3.0, 4.0, 100.0], 0.5773067579532578, 0.0003053888504386124), // stats.shapiro([1, 2, 3, 4, 100])
        (&[-1.5, 0.25, 0.25, 7.0, 3.0, 2.0], 0.924107992607509, 0.5354279430092723), // stats.shapiro([-1.5, .25, .25, 7, 3, 2]) (a tie)
    ];
    for (x, w, p) in explicit {
        let s = shapiro_wilk(x).unwrap();
        close(s.w, w, &format!("W {x:?}"));
        assert!((s.p - p).abs() <= P_TOL.max(REL_TOL * p), "p {x:?}: {} vs {p}", s.p);
    }
}
