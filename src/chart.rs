//! Charts for the HTML report, drawn as SVG by plotters' SVG backend
//! (which escapes every label it writes).

use plotters::prelude::*;

/// Width and height of every chart, in SVG user units (pixels).
pub(crate) const SIZE: (u32, u32) = (900, 360);

/// Size of axis labels and descriptions, as plotters takes it (it writes
/// `font-size` at 0.806 of this: 13.7 SVG units). The chart fills the
/// column, so printed on A4 (a 688 px column, 0.76 of the 900 units) axis
/// text is 10.5 px, and 14 px on a 1280 px screen (tests/print.rs measures
/// both in Chromium).
const LABEL_SIZE: u32 = 17;

/// A line chart of open actions after each meeting: `points` are
/// `(meeting label, open actions)` in date order. Returns the `<svg>`
/// element as text.
///
/// # Errors
/// Only if plotters fails to lay out the chart (a message, not a panic).
pub(crate) fn open_actions_over_time(points: &[(String, usize)]) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let n = points.len().max(1);
        let top = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption("Open actions after each meeting", ("sans-serif", 18))
            .margin(12)
            // Room for the last x label, centred on the axis's end.
            .margin_right(64)
            .x_label_area_size(40)
            .y_label_area_size(40)
            // Points sit at 0..=n-1: the axis ends at the last meeting.
            .build_cartesian_2d(0..(n - 1).max(1), 0..top + 1)
            .map_err(|e| e.to_string())?;
        let labels: Vec<String> = points.iter().map(|p| p.0.clone()).collect();
        chart
            .configure_mesh()
            .label_style(("sans-serif", LABEL_SIZE))
            .axis_desc_style(("sans-serif", LABEL_SIZE))
            // A meeting ID is about 90 units wide: six fit under the axis.
            .x_labels(n.min(6))
            .x_label_formatter(&|i| labels.get(*i).cloned().unwrap_or_default())
            .y_desc("open actions")
            .draw()
            .map_err(|e| e.to_string())?;
        let blue = RGBColor(0x2b, 0x57, 0x97);
        chart
            .draw_series(LineSeries::new(
                points.iter().enumerate().map(|(i, p)| (i, p.1)),
                blue.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(
                points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Circle::new((i, p.1), 4, blue.filled())),
            )
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// A bar chart of proposals by interest level: `bars` are `(level label,
/// number of proposals)` in the vocabulary's order. Returns the `<svg>`
/// element as text.
///
/// # Errors
/// Only if plotters fails to lay out the chart.
pub(crate) fn proposals_by_interest(bars: &[(String, usize)]) -> Result<String, String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let n = bars.len().max(1);
        let top = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption("Proposals by interest level", ("sans-serif", 18))
            .margin(12)
            // Room for the last x label, centred on the axis's end.
            .margin_right(64)
            .x_label_area_size(40)
            .y_label_area_size(40)
            // `into_segmented` makes one segment per value of 0..=end.
            .build_cartesian_2d((0..(n - 1).max(1)).into_segmented(), 0..top + 1)
            .map_err(|e| e.to_string())?;
        let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
        chart
            .configure_mesh()
            .label_style(("sans-serif", LABEL_SIZE))
            .axis_desc_style(("sans-serif", LABEL_SIZE))
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_desc("proposals")
            .draw()
            .map_err(|e| e.to_string())?;
        let fill = RGBColor(0x2b, 0x57, 0x97).filled();
        chart
            .draw_series(bars.iter().enumerate().map(|(i, b)| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0),
                        (SegmentValue::Exact(i + 1), b.1),
                    ],
                    fill,
                );
                bar.set_margin(0, 0, 12, 12);
                bar
            }))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}
