//! Fuzz target: the numeric parameter parser (typed totals and permalink amounts). Any
//! text parses or gives an error; an accepted amount is finite, in range, and gives a
//! finite discount factor against the paper's other totals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::stats::discount::{DiscountTotals, MAX_TOTAL, MIN_TOTAL};
use study_core::reader::amount::{amount_text, parse_amount};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(v) = parse_amount(&text) {
        assert!(v.is_finite() && (MIN_TOTAL..=MAX_TOTAL).contains(&v));
        assert_eq!(parse_amount(&amount_text(v)), Ok(v));
        for i in 0..4 {
            let mut t = DiscountTotals { salary_2016: 2.28e6, revenue_2016: 30e6, salary_2017: 1.97e6, revenue_2017: 31e6 };
            match i {
                0 => t.salary_2016 = v,
                1 => t.revenue_2016 = v,
                2 => t.salary_2017 = v,
                _ => t.revenue_2017 = v,
            }
            let f = t.checked_factor().expect("validated totals give a factor");
            assert!(f.is_finite() && f > 0.0);
        }
    }
});
