//! `tsc.yaml`'s ID patterns (regex-lite syntax) as ECMA-262 patterns, the
//! dialect JSON Schema's `pattern` uses (yaml-language-server,
//! check-jsonschema), translated only where the translation matches
//! exactly the same IDs.
//!
//! Translated: leading `(?i)` (each ASCII letter becomes both cases;
//! regex-lite's case folding is ASCII only) and `(?x)` (white space and
//! `#` comments dropped); the ASCII classes `[[:digit:]]` and the others
//! (their ASCII ranges); `\s` (ASCII white space, where ECMA-262's is
//! Unicode's); `.` (anything but a line feed, where ECMA-262's also stops
//! at `\r`, U+2028 and U+2029); `\A`, `\z`, `(?P<name>`, `\x{..}`, and
//! escaped punctuation ECMA-262 does not escape. Anything else regex-lite
//! has and ECMA-262 lacks (other flags, flags later in the pattern,
//! negated ASCII classes, word boundary forms such as `\b{start}`) is
//! refused with the reason, as is a pattern regex-lite itself refuses
//! (nested classes and class set operations among them).

use std::fmt::Write as _;

/// Characters ECMA-262 escapes outside a class.
const SYNTAX: &str = r"^$\.*+?()[]{}|";

/// `pattern` as an ECMA-262 pattern matching exactly the same strings.
///
/// # Errors
/// The construct that has no exact ECMA-262 form, in words, such as
/// "the flag `s`".
pub(crate) fn to_ecma(pattern: &str) -> Result<String, String> {
    // Only a pattern tsc itself reads is translated (settings report the
    // others, E0302), so the syntax below is regex-lite's.
    if regex_lite::Regex::new(pattern).is_err() {
        return Err("syntax tsc cannot read either (see `tsc validate`)".to_owned());
    }
    let mut p = Parser {
        chars: pattern.chars().collect(),
        at: 0,
        before: Before::Nothing,
        fold: false,
        verbose: false,
        out: String::with_capacity(pattern.len() + 8),
    };
    p.leading_flags()?;
    while p.at < p.chars.len() {
        p.outside()?;
    }
    Ok(p.out)
}

/// One member of a bracketed class: a range of characters (a single
/// character is a range of one), or a class escape written as is.
enum Member {
    Range(char, char),
    Raw(String),
}

/// What the construct before the next one was, for repetitions:
/// ECMA-262 repeats only an atom (and takes one `?` after a repetition
/// as "lazy"), where regex-lite also reads `a{2}{2}`, `a**` or `^*`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    /// The start, `(` or `|`.
    Nothing,
    /// A character, class, escape or group.
    Atom,
    /// `^`, `$`, `\b`, `\B`, `\A` or `\z`.
    Assertion,
    /// `*`, `+`, `?` or `{..}` after an atom.
    Repetition,
    /// A repetition made lazy by `?`.
    Lazy,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    /// The construct before the next one.
    before: Before,
    /// `(?i)`: ASCII letters match both cases.
    fold: bool,
    /// `(?x)`: white space and `#` comments are not part of the pattern.
    verbose: bool,
    out: String,
}

impl Parser {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek(0);
        self.at += 1;
        c
    }

    fn rest_starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    /// `(?ix)` groups at the very start; only `i` and `x` are translated.
    fn leading_flags(&mut self) -> Result<(), String> {
        while self.rest_starts_with("(?") {
            let mut flags = Vec::new();
            let mut i = 2;
            while let Some(c) = self.peek(i).filter(char::is_ascii_alphabetic) {
                flags.push(c);
                i += 1;
            }
            if flags.is_empty() || self.peek(i) != Some(')') {
                return Ok(());
            }
            for flag in flags {
                match flag {
                    'i' => self.fold = true,
                    'x' => self.verbose = true,
                    other => return Err(format!("the flag `{other}`")),
                }
            }
            self.at += i + 1;
        }
        Ok(())
    }

    /// Skips white space and comments in verbose mode; true when it did.
    fn skipped(&mut self) -> bool {
        if !self.verbose {
            return false;
        }
        match self.peek(0) {
            Some(c) if c.is_whitespace() => {
                self.at += 1;
                true
            }
            Some('#') => {
                while self.next().is_some_and(|c| c != '\n') {}
                true
            }
            _ => false,
        }
    }

    /// One construct outside a class.
    fn outside(&mut self) -> Result<(), String> {
        if self.skipped() {
            return Ok(());
        }
        let Some(c) = self.next() else {
            return Ok(());
        };
        match c {
            '\\' => {
                let assertion = matches!(self.peek(0), Some('b' | 'B' | 'A' | 'z'));
                self.escape_outside()?;
                self.before = if assertion {
                    Before::Assertion
                } else {
                    Before::Atom
                };
            }
            '[' => {
                self.class()?;
                self.before = Before::Atom;
            }
            '.' => {
                self.out.push_str(r"[^\n]");
                self.before = Before::Atom;
            }
            '(' => {
                self.group()?;
                self.before = Before::Nothing;
            }
            '|' => {
                self.out.push(c);
                self.before = Before::Nothing;
            }
            ')' => {
                self.out.push(c);
                self.before = Before::Atom;
            }
            '^' | '$' => {
                self.out.push(c);
                self.before = Before::Assertion;
            }
            '*' | '+' | '?' | '{' => self.repetition(c)?,
            c => {
                self.literal(c);
                self.before = Before::Atom;
            }
        }
        Ok(())
    }

    /// `*`, `+`, `?` or `{n,m}` (with its `{` read): after an atom, or a
    /// `?` making a repetition lazy; anything else ECMA-262 refuses.
    fn repetition(&mut self, c: char) -> Result<(), String> {
        match (c, self.before) {
            ('?', Before::Repetition) => self.before = Before::Lazy,
            (_, Before::Atom) => self.before = Before::Repetition,
            _ => {
                return Err(
                    "a repetition of nothing, of an assertion or of a repetition \
                     (such as `{2}{2}`, `**` or `^*`)"
                        .to_owned(),
                );
            }
        }
        self.out.push(c);
        if c == '{' {
            while let Some(d) = self.next() {
                self.out.push(d);
                if d == '}' {
                    break;
                }
            }
        }
        Ok(())
    }

    /// `(`, `(?:`, `(?<name>` or `(?P<name>`; flags here are refused.
    fn group(&mut self) -> Result<(), String> {
        if self.peek(0) != Some('?') {
            self.out.push('(');
            return Ok(());
        }
        if self.rest_starts_with("?P<") || self.rest_starts_with("?<") {
            self.at += if self.peek(1) == Some('P') { 3 } else { 2 };
            // The name as written: it is not part of what is matched.
            let mut name = String::new();
            while let Some(n) = self.next().filter(|n| *n != '>') {
                name.push(n);
            }
            let identifier = name.chars().next().is_some_and(|n| !n.is_ascii_digit())
                && name.chars().all(|n| n.is_ascii_alphanumeric() || n == '_');
            if !identifier {
                return Err(format!("the group name `{name}`"));
            }
            let _ = write!(self.out, "(?<{name}>");
        } else if self.rest_starts_with("?:") {
            self.out.push_str("(?:");
            self.at += 2;
        } else {
            return Err("flags after the start of the pattern".to_owned());
        }
        Ok(())
    }

    /// A literal character outside a class, escaped as ECMA-262 needs and
    /// in both cases under `(?i)`.
    fn literal(&mut self, c: char) {
        if self.fold && c.is_ascii_alphabetic() {
            let _ = write!(
                self.out,
                "[{}{}]",
                c.to_ascii_uppercase(),
                c.to_ascii_lowercase()
            );
        } else {
            push_escaped(&mut self.out, c, SYNTAX);
        }
    }

    fn escape_outside(&mut self) -> Result<(), String> {
        let c = self.next().ok_or("a `\\` at the end")?;
        match c {
            'd' | 'D' | 'w' | 'W' | 'n' | 't' | 'r' | 'f' | 'v' => {
                self.out.push('\\');
                self.out.push(c);
            }
            'b' | 'B' => {
                if self.peek(0) == Some('{') {
                    return Err(format!("`\\{c}{{...}}`"));
                }
                self.out.push('\\');
                self.out.push(c);
            }
            's' => self.out.push_str(r"[\t\n\v\f\r ]"),
            'S' => self.out.push_str(r"[^\t\n\v\f\r ]"),
            'A' => self.out.push('^'),
            'z' => self.out.push('$'),
            'a' => self.out.push_str(r"\x07"),
            _ => {
                let c = self.escaped_char(c)?;
                self.literal(c);
            }
        }
        Ok(())
    }

    /// The character an escape other than a class or an assertion stands
    /// for: a hex code or escaped punctuation.
    fn escaped_char(&mut self, c: char) -> Result<char, String> {
        let digits = match c {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            c if c.is_ascii_punctuation() || c == ' ' => return Ok(c),
            c => return Err(format!("`\\{c}`")),
        };
        let hex: String = if self.peek(0) == Some('{') {
            self.at += 1;
            let mut hex = String::new();
            while let Some(h) = self.next() {
                if h == '}' {
                    break;
                }
                hex.push(h);
            }
            hex
        } else {
            (0..digits).filter_map(|_| self.next()).collect()
        };
        u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| format!("`\\{c}{hex}`"))
    }

    /// A bracketed class, from after its `[` to its `]`.
    fn class(&mut self) -> Result<(), String> {
        let negated = self.peek(0) == Some('^');
        if negated {
            self.at += 1;
        }
        let mut members = Vec::new();
        let mut first = true;
        loop {
            if self.verbose && self.peek(0).is_some_and(char::is_whitespace) {
                self.at += 1;
                continue;
            }
            let c = self.next().ok_or("a `[` without its `]`")?;
            match c {
                ']' if !first => break,
                '[' if self.peek(0) == Some(':') => members.push(self.ascii_class()?),
                '[' => return Err("a class inside a class".to_owned()),
                '&' | '-' | '~' if self.peek(0) == Some(c) => {
                    return Err(format!("the class operation `{c}{c}`"));
                }
                '#' if self.verbose => return Err("`#` in a class under `(?x)`".to_owned()),
                '\\' => {
                    let e = self.next().ok_or("a `\\` at the end")?;
                    match e {
                        'd' | 'D' | 'w' | 'W' => members.push(Member::Raw(format!("\\{e}"))),
                        's' => members.push(Member::Raw(r"\t\n\v\f\r ".to_owned())),
                        'S' => return Err("`\\S` in a class".to_owned()),
                        'n' => self.range_from('\n', &mut members)?,
                        't' => self.range_from('\t', &mut members)?,
                        'r' => self.range_from('\r', &mut members)?,
                        'f' => self.range_from('\u{c}', &mut members)?,
                        'v' => self.range_from('\u{b}', &mut members)?,
                        'a' => self.range_from('\u{7}', &mut members)?,
                        e => {
                            let c = self.escaped_char(e)?;
                            self.range_from(c, &mut members)?;
                        }
                    }
                }
                c => self.range_from(c, &mut members)?,
            }
            first = false;
        }
        self.out.push('[');
        if negated {
            self.out.push('^');
        }
        let mut ranges = Vec::new();
        for member in members {
            match member {
                Member::Raw(raw) => self.out.push_str(&raw),
                Member::Range(lo, hi) => ranges.push((lo, hi)),
            }
        }
        if self.fold {
            let mut other = Vec::new();
            for &(lo, hi) in &ranges {
                for (from, to) in [('a', 'z'), ('A', 'Z')] {
                    let (l, h) = (lo.max(from), hi.min(to));
                    if l <= h {
                        // ASCII letters: the other case is one bit away.
                        let other_case =
                            |c: char| u8::try_from(c).map_or(c, |b| char::from(b ^ 0x20));
                        other.push((other_case(l), other_case(h)));
                    }
                }
            }
            ranges.extend(other);
        }
        for (lo, hi) in ranges {
            push_escaped(&mut self.out, lo, r"\]^-[");
            if hi != lo {
                self.out.push('-');
                push_escaped(&mut self.out, hi, r"\]^-[");
            }
        }
        self.out.push(']');
        Ok(())
    }

    /// A class member starting with the character `lo`: `lo` alone, or
    /// the range `lo-hi` when a `-` and a character follow.
    fn range_from(&mut self, lo: char, members: &mut Vec<Member>) -> Result<(), String> {
        if self.peek(0) == Some('-') && self.peek(1).is_some_and(|c| c != ']') {
            self.at += 1;
            let hi = match self.next() {
                Some('\\') => {
                    let e = self.next().ok_or("a `\\` at the end")?;
                    self.escaped_char(e)?
                }
                Some('[') => return Err("a range that ends in a class".to_owned()),
                Some(c) => c,
                None => return Err("a `[` without its `]`".to_owned()),
            };
            members.push(Member::Range(lo, hi));
        } else {
            members.push(Member::Range(lo, lo));
        }
        Ok(())
    }

    /// `[:name:]` inside a class, from after its `[`, as its ASCII ranges.
    fn ascii_class(&mut self) -> Result<Member, String> {
        let start = self.at + 1;
        let end = (start..self.chars.len().saturating_sub(1))
            .find(|&i| self.chars[i] == ':' && self.chars[i + 1] == ']')
            .ok_or("a `[:` without its `:]`")?;
        let name: String = self.chars[start..end].iter().collect();
        self.at = end + 2;
        let ranges = match name.as_str() {
            "alnum" => "0-9A-Za-z",
            "alpha" => "A-Za-z",
            "ascii" => r"\x00-\x7F",
            "blank" => r"\t ",
            "cntrl" => r"\x00-\x1F\x7F",
            "digit" => "0-9",
            "graph" => "!-~",
            "lower" | "upper" if self.fold => "A-Za-z",
            "lower" => "a-z",
            "print" => " -~",
            "punct" => r"!-\/:-@\[-`{-~",
            "space" => r"\t\n\v\f\r ",
            "upper" => "A-Z",
            "word" => "0-9A-Za-z_",
            "xdigit" => "0-9A-Fa-f",
            other => return Err(format!("the class `[[:{other}:]]`")),
        };
        Ok(Member::Raw(ranges.to_owned()))
    }
}

/// Pushes `c`, with a `\` before it when it is one of `special`, and as a
/// `\xHH` or `\uHHHH` escape when it is a control character or not
/// printable ASCII in a way both ECMA-262 modes (with and without the `u`
/// flag) read alike; a character beyond U+FFFF is written as itself.
fn push_escaped(out: &mut String, c: char, special: &str) {
    match c {
        c if special.contains(c) => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_ascii_control() => {
            let _ = write!(out, "\\x{:02X}", c as u32);
        }
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::to_ecma;

    #[test]
    fn the_default_patterns_are_kept() {
        assert_eq!(
            to_ecma(r"^TSC_(?P<number>\d{2})_(?P<yy>\d{2})(?P<mm>\d{2})$").unwrap(),
            r"^TSC_(?<number>\d{2})_(?<yy>\d{2})(?<mm>\d{2})$"
        );
        assert_eq!(to_ecma(r"^SECMP\d{4}$").unwrap(), r"^SECMP\d{4}$");
        assert_eq!(to_ecma(r"^TSC\d{2}\/\d{2}$").unwrap(), r"^TSC\d{2}/\d{2}$");
    }

    #[test]
    fn case_folding_verbose_mode_and_ascii_classes_are_translated() {
        assert_eq!(
            to_ecma(r"(?i)^dcp[[:digit:]]{3}$").unwrap(),
            "^[Dd][Cc][Pp][0-9]{3}$"
        );
        assert_eq!(
            to_ecma("(?x) ^ PANEL _ \\d{2}  # the number\n $").unwrap(),
            r"^PANEL_\d{2}$"
        );
        assert_eq!(
            to_ecma("(?i)^[a-c_[:upper:]]$").unwrap(),
            "^[A-Za-za-c_A-C]$"
        );
        assert_eq!(to_ecma(r"^\A\s.\z$").unwrap(), r"^^[\t\n\v\f\r ][^\n]$$");
        assert_eq!(to_ecma(r"^A\-B\x{41}$").unwrap(), r"^A-BA$");
    }

    /// Regression: under `(?i)` group names were case-folded like the
    /// pattern (`(?<[Nn][Uu]...>`), and `.` in a name became `[^\n]`;
    /// stacked repetitions (`{2}{2}`, `**`, `^*`) were copied, which
    /// ECMA-262 refuses ("Nothing to repeat"), so editors could not
    /// compile the schema.
    #[test]
    fn group_names_are_kept_and_stacked_repetitions_are_refused() {
        assert_eq!(
            to_ecma(r"(?i)^TSC_(?<number>[0-9]{2,})_(?P<yy>[0-9]{2})$").unwrap(),
            "^[Tt][Ss][Cc]_(?<number>[0-9]{2,})_(?<yy>[0-9]{2})$"
        );
        assert_eq!(to_ecma(r"^a+?b*?c{2}?$").unwrap(), r"^a+?b*?c{2}?$");
        assert_eq!(to_ecma(r"^(ab)+$").unwrap(), r"^(ab)+$");
        let stacked = "a repetition of nothing, of an assertion or of a repetition \
                       (such as `{2}{2}`, `**` or `^*`)";
        let mut read = 0;
        for pattern in [
            r"^SECMP[0-9]{2}{2}$",
            "^a**$",
            "^a+*$",
            "^*a$",
            "^$+",
            r"^\b+x$",
            "^x{3}?+$",
        ] {
            if regex_lite::Regex::new(pattern).is_ok() {
                read += 1;
                assert_eq!(to_ecma(pattern).unwrap_err(), stacked, "{pattern}");
            }
        }
        // tsc reads these (E0302 does not refuse them), so the schema must not.
        assert!(read >= 3, "{read}");
        assert_eq!(
            to_ecma(r"^(?P<a.b>x)$")
                .map_err(|e| e.starts_with("the group name") || e.starts_with("syntax")),
            Err(true)
        );
    }

    #[test]
    fn what_has_no_exact_form_is_refused_with_the_reason() {
        assert_eq!(to_ecma("(?s)^.$").unwrap_err(), "the flag `s`");
        assert_eq!(
            to_ecma("^a(?i)b$").unwrap_err(),
            "flags after the start of the pattern"
        );
        // regex-lite itself refuses a class inside a class.
        assert!(
            to_ecma("^[[a-c]d]$")
                .unwrap_err()
                .starts_with("syntax tsc cannot read")
        );
        assert!(
            to_ecma("^[a-z&&b-c]$")
                .unwrap_err()
                .starts_with("syntax tsc cannot read")
        );
        assert_eq!(to_ecma(r"^\b{start}a$").unwrap_err(), "`\\b{...}`");
        assert_eq!(
            to_ecma("^[[:^digit:]]$").unwrap_err(),
            "the class `[[:^digit:]]`"
        );
        assert_eq!(
            to_ecma("^(?<=a)b$").unwrap_err(),
            "syntax tsc cannot read either (see `tsc validate`)"
        );
    }
}
