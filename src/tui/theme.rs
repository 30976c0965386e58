//! Colours and modifiers. With `NO_COLOR` set every colour goes, and what colour meant is
//! still there: selection is reversed and marked `›`, right and wrong carry ✓ and ✗ (in the
//! text itself, from `app::doc`), headings are bold.

use ratatui::style::{Color, Modifier, Style};

use crate::app::doc::Tone;

/// How the interface is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    /// Colour unless the `NO_COLOR` variable is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: !no_color_from_env(),
        }
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// The style of a piece of text by what it means.
    pub fn tone(self, tone: Tone) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match tone {
            Tone::Title => self.fg(bold, Color::Cyan),
            Tone::Heading => bold,
            Tone::Text => Style::new(),
            Tone::Muted => {
                if self.color {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new().add_modifier(Modifier::ITALIC)
                }
            }
            Tone::Right => self.fg(bold, Color::Green),
            Tone::Wrong => self.fg(bold, Color::Red),
            Tone::Warning => self.fg(bold, Color::Yellow),
            Tone::Receipt => {
                if self.color {
                    bold.fg(Color::Black).bg(Color::Cyan)
                } else {
                    bold.add_modifier(Modifier::REVERSED)
                }
            }
        }
    }

    /// The highlighted line of a list: reversed in every mode, so it shows without colour.
    pub fn selected(self) -> Style {
        let style = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        self.fg(style, Color::Cyan)
    }

    /// The top bar.
    pub fn header(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A key in the footer.
    pub fn key(self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A key's description in the footer.
    pub fn key_label(self) -> Style {
        self.tone(Tone::Muted)
    }

    /// The frame of a dialog.
    pub fn dialog(self) -> Style {
        self.fg(Style::new(), Color::Yellow)
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, as no-color.org defines it); read
/// by every screen of the program, the learner's and the report's.
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
