//! WCAG 2.2 contrast of two opaque sRGB colours, and the colour syntax a theme may use.
//!
//! Written here because it is ten lines and every colour crate brings far more than this needs
//! into the wasm; the luminance curve is a table, not `powf` (see [`contrast_x10`]).
//!
//! ```
//! use koban_core::theme::{contrast_x10, parse_color};
//! let text = parse_color("#767676").unwrap();
//! assert_eq!(contrast_x10(text, [255, 255, 255]), 45); // exactly AA for text on white
//! ```

/// `#rgb`, `#rrggbb` or `rgb(r, g, b)` (opaque colours only: contrast needs them).
pub fn parse_color(s: &str) -> Option<[u8; 3]> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        return match digits.len() {
            3 => Some([digits[0] * 17, digits[1] * 17, digits[2] * 17]),
            6 => Some([
                digits[0] * 16 + digits[1],
                digits[2] * 16 + digits[3],
                digits[4] * 16 + digits[5],
            ]),
            _ => None,
        };
    }
    let inner = s.strip_prefix("rgb(")?.strip_suffix(')')?;
    let mut parts = inner.split(',').map(|p| p.trim().parse::<u8>().ok());
    let rgb = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(rgb)
}

/// WCAG 2.2 contrast ratio of two colours, times ten, rounded down (4.5:1 → 45).
pub fn contrast_x10(a: [u8; 3], b: [u8; 3]) -> u32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    ((hi + 0.05) / (lo + 0.05) * 10.0) as u32
}

/// Relative luminance (WCAG 2.2, sRGB), in millionths.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| f64::from(LINEAR[usize::from(c)]);
    (0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)) / 1_000_000.0
}

/// sRGB channel value → linear light in millionths: `c/12.92` up to 0.04045, else
/// `((c+0.055)/1.055)^2.4`. A table rather than `powf`, which would bring libm's `pow` into the
/// wasm for 256 possible inputs (a test recomputes it).
#[rustfmt::skip]
const LINEAR: [u32; 256] = [
    0, 304, 607, 911, 1214, 1518, 1821, 2125, 2428, 2732, 3035, 3347,
    3677, 4025, 4391, 4777, 5182, 5605, 6049, 6512, 6995, 7499, 8023, 8568,
    9134, 9721, 10330, 10960, 11612, 12286, 12983, 13702, 14444, 15209, 15996, 16807,
    17642, 18500, 19382, 20289, 21219, 22174, 23153, 24158, 25187, 26241, 27321, 28426,
    29557, 30713, 31896, 33105, 34340, 35601, 36889, 38204, 39546, 40915, 42311, 43735,
    45186, 46665, 48172, 49707, 51269, 52861, 54480, 56128, 57805, 59511, 61246, 63010,
    64803, 66626, 68478, 70360, 72272, 74214, 76185, 78187, 80220, 82283, 84376, 86500,
    88656, 90842, 93059, 95307, 97587, 99899, 102242, 104616, 107023, 109462, 111932, 114435,
    116971, 119538, 122139, 124772, 127438, 130136, 132868, 135633, 138432, 141263, 144128, 147027,
    149960, 152926, 155926, 158961, 162029, 165132, 168269, 171441, 174647, 177888, 181164, 184475,
    187821, 191202, 194618, 198069, 201556, 205079, 208637, 212231, 215861, 219526, 223228, 226966,
    230740, 234551, 238398, 242281, 246201, 250158, 254152, 258183, 262251, 266356, 270498, 274677,
    278894, 283149, 287441, 291771, 296138, 300544, 304987, 309469, 313989, 318547, 323143, 327778,
    332452, 337164, 341914, 346704, 351533, 356400, 361307, 366253, 371238, 376262, 381326, 386429,
    391572, 396755, 401978, 407240, 412543, 417885, 423268, 428690, 434154, 439657, 445201, 450786,
    456411, 462077, 467784, 473531, 479320, 485150, 491021, 496933, 502886, 508881, 514918, 520996,
    527115, 533276, 539479, 545724, 552011, 558340, 564712, 571125, 577580, 584078, 590619, 597202,
    603827, 610496, 617207, 623960, 630757, 637597, 644480, 651406, 658375, 665387, 672443, 679542,
    686685, 693872, 701102, 708376, 715694, 723055, 730461, 737910, 745404, 752942, 760525, 768151,
    775822, 783538, 791298, 799103, 806952, 814847, 822786, 830770, 838799, 846873, 854993, 863157,
    871367, 879622, 887923, 896269, 904661, 913099, 921582, 930111, 938686, 947307, 955973, 964686,
    973445, 982251, 991102, 1000000,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert_eq!(contrast_x10([0, 0, 0], [255, 255, 255]), 210);
        assert_eq!(contrast_x10([255, 255, 255], [255, 255, 255]), 10);
        // #767676 on white is the classic 4.54:1.
        assert_eq!(contrast_x10([0x76, 0x76, 0x76], [255, 255, 255]), 45);
        assert_eq!(contrast_x10([0x77, 0x77, 0x77], [255, 255, 255]), 44);
    }

    #[test]
    fn linear_table_is_the_srgb_curve() {
        for (i, &v) in LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let exact = if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert_eq!(v, (exact * 1_000_000.0).round() as u32, "{i}");
        }
    }

    #[test]
    fn colours_parse() {
        assert_eq!(parse_color("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_color("#1F5FD6"), Some([0x1f, 0x5f, 0xd6]));
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some([1, 2, 3]));
        for bad in [
            "",
            "#ffff",
            "#ggg",
            "rgb(1,2)",
            "rgb(1,2,3,4)",
            "rgb(256,0,0)",
            "red",
        ] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }
}
