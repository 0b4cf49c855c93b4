//! Lays out ts-rs's one-line declarations as a person would write them: a struct's fields one
//! per line under their doc comments, a long union one variant per line, identifier keys
//! unquoted. Only the layout changes, never the type; anything it cannot read is kept as
//! ts-rs wrote it.

/// The widest line a union is kept on.
const WIDTH: usize = 100;

/// ts-rs's `type Name = …;` as an exported, laid out declaration.
pub fn declaration(docs: Option<String>, decl: &str) -> String {
    let docs = match docs.as_deref().and_then(tokens).as_deref() {
        Some([Token::Doc(lines)]) => doc_comment(lines, ""),
        _ => docs.unwrap_or_default(),
    };
    let laid_out = decl
        .strip_suffix(';')
        .and_then(|d| d.split_once(" = "))
        .and_then(|(head, body)| Some((head, parse(body)?)))
        .map(|(head, ty)| {
            let head = format!("export {head} =");
            match &ty {
                Ty::Union(variants) if head.len() + 1 + inline(&ty).len() + 1 > WIDTH => {
                    let lines: Vec<String> = variants
                        .iter()
                        .map(|v| format!("\n  | {}", print(v, 2)))
                        .collect();
                    format!("{head}{};", lines.concat())
                }
                _ => format!("{head} {};", print(&ty, 0)),
            }
        });
    format!(
        "{docs}{}\n",
        laid_out.unwrap_or_else(|| format!("export {decl}"))
    )
}

#[derive(Debug)]
enum Ty {
    Union(Vec<Ty>),
    Object(Vec<Field>),
    Tuple(Vec<Ty>),
    /// A name with its type arguments (`Array<string>`), or a string literal.
    Named(String, Vec<Ty>),
}

#[derive(Debug)]
struct Field {
    doc: Vec<String>,
    key: String,
    ty: Ty,
}

/// The type as text on one line, without the doc comments inside (see [`has_docs`]).
fn inline(ty: &Ty) -> String {
    match ty {
        Ty::Union(variants) => variants.iter().map(inline).collect::<Vec<_>>().join(" | "),
        Ty::Object(fields) if fields.is_empty() => "{}".into(),
        Ty::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.key, inline(&f.ty)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        Ty::Tuple(items) => format!(
            "[{}]",
            items.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        Ty::Named(name, args) if args.is_empty() => name.clone(),
        Ty::Named(name, args) => {
            format!(
                "{name}<{}>",
                args.iter().map(inline).collect::<Vec<_>>().join(", ")
            )
        }
    }
}

fn has_docs(ty: &Ty) -> bool {
    match ty {
        Ty::Union(items) | Ty::Tuple(items) | Ty::Named(_, items) => items.iter().any(has_docs),
        Ty::Object(fields) => fields.iter().any(|f| !f.doc.is_empty() || has_docs(&f.ty)),
    }
}

/// The type at `indent`: an object on lines of its own at the top or when it holds doc
/// comments, anything else on one line.
fn print(ty: &Ty, indent: usize) -> String {
    match ty {
        Ty::Object(fields) if !fields.is_empty() && (indent == 0 || has_docs(ty)) => {
            let pad = " ".repeat(indent + 2);
            let mut out = String::from("{\n");
            for f in fields {
                out += &doc_comment(&f.doc, &pad);
                out += &format!("{pad}{}: {};\n", f.key, print(&f.ty, indent + 2));
            }
            out + &" ".repeat(indent) + "}"
        }
        _ if !has_docs(ty) => inline(ty),
        Ty::Union(variants) => variants
            .iter()
            .map(|v| print(v, indent))
            .collect::<Vec<_>>()
            .join(" | "),
        _ => inline(ty), // docs inside a tuple or type argument: not generated today
    }
}

/// A doc comment at `pad`: on one line when it fits.
fn doc_comment(lines: &[String], pad: &str) -> String {
    match lines {
        [] => String::new(),
        [line] if pad.len() + line.len() + 7 <= WIDTH => format!("{pad}/** {line} */\n"),
        lines => {
            let mut out = format!("{pad}/**\n");
            for line in lines {
                out += &format!("{pad} *{}{line}\n", if line.is_empty() { "" } else { " " });
            }
            out + &format!("{pad} */\n")
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Doc(Vec<String>),
    Str(String),
    Word(String),
    Punct(char),
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if let Some(doc) = rest.strip_prefix("/**") {
            let end = doc.find("*/")?;
            let mut lines: Vec<String> = doc[..end].lines().map(doc_line).collect();
            while lines.first().is_some_and(String::is_empty) {
                lines.remove(0);
            }
            while lines.last().is_some_and(String::is_empty) {
                lines.pop();
            }
            out.push(Token::Doc(lines));
            rest = &doc[end + 2..];
        } else if c == '"' {
            let end = rest[1..].find('"')? + 2;
            out.push(Token::Str(rest[..end].to_owned()));
            rest = &rest[end..];
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(rest.len());
            out.push(Token::Word(rest[..end].to_owned()));
            rest = &rest[end..];
        } else {
            out.push(Token::Punct(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(out)
}

/// A line of a doc comment without its ` * ` margin.
fn doc_line(line: &str) -> String {
    let line = line.trim();
    let line = line.strip_prefix('*').unwrap_or(line);
    line.strip_prefix(' ').unwrap_or(line).to_owned()
}

fn parse(text: &str) -> Option<Ty> {
    let tokens = tokens(text)?;
    let mut at = 0;
    let ty = union(&tokens, &mut at)?;
    (at == tokens.len()).then_some(ty)
}

fn union(t: &[Token], at: &mut usize) -> Option<Ty> {
    let mut variants = vec![primary(t, at)?];
    while t.get(*at) == Some(&Token::Punct('|')) {
        *at += 1;
        variants.push(primary(t, at)?);
    }
    Some(if variants.len() == 1 {
        variants.remove(0)
    } else {
        Ty::Union(variants)
    })
}

fn list(t: &[Token], at: &mut usize, close: char) -> Option<Vec<Ty>> {
    let mut items = Vec::new();
    while t.get(*at) != Some(&Token::Punct(close)) {
        items.push(union(t, at)?);
        if t.get(*at) == Some(&Token::Punct(',')) {
            *at += 1;
        }
    }
    *at += 1;
    Some(items)
}

fn primary(t: &[Token], at: &mut usize) -> Option<Ty> {
    let token = t.get(*at)?.clone();
    *at += 1;
    match token {
        Token::Punct('{') => object(t, at),
        Token::Punct('[') => Some(Ty::Tuple(list(t, at, ']')?)),
        Token::Str(s) => Some(Ty::Named(s, vec![])),
        Token::Word(w) if t.get(*at) == Some(&Token::Punct('<')) => {
            *at += 1;
            Some(Ty::Named(w, list(t, at, '>')?))
        }
        Token::Word(w) => Some(Ty::Named(w, vec![])),
        _ => None,
    }
}

fn object(t: &[Token], at: &mut usize) -> Option<Ty> {
    let mut fields = Vec::new();
    loop {
        let doc = match t.get(*at)? {
            Token::Doc(lines) => {
                *at += 1;
                lines.clone()
            }
            _ => vec![],
        };
        let key = match t.get(*at)? {
            Token::Punct('}') if doc.is_empty() => {
                *at += 1;
                return Some(Ty::Object(fields));
            }
            Token::Word(w) => w.clone(),
            Token::Str(s) if is_identifier(&s[1..s.len() - 1]) => s[1..s.len() - 1].to_owned(),
            Token::Str(s) => s.clone(),
            _ => return None,
        };
        *at += 1;
        if t.get(*at) != Some(&Token::Punct(':')) {
            return None; // `key?:` and index signatures: kept as ts-rs wrote them
        }
        *at += 1;
        let ty = union(t, at)?;
        if t.get(*at) == Some(&Token::Punct(',')) {
            *at += 1;
        }
        fields.push(Field { doc, key, ty });
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_struct_takes_one_line_per_field_under_its_doc() {
        let decl = "type P = { a: string, \n/**\n * The b.\n */\nb: Array<number> | null, };";
        assert_eq!(
            declaration(None, decl),
            "export type P = {\n  a: string;\n  /** The b. */\n  b: Array<number> | null;\n};\n"
        );
    }

    #[test]
    fn a_long_union_takes_one_line_per_variant_with_identifier_keys_unquoted() {
        let decl = "type K = { \"Work\": { minutes: number, skill: string, } } | { \"Use\": \
                    { resource: ActionHash, minutes: number, } } | { \"Cite\": { resource: ActionHash, } };";
        assert_eq!(
            declaration(None, decl),
            "export type K =\n  | { Work: { minutes: number, skill: string } }\n  \
             | { Use: { resource: ActionHash, minutes: number } }\n  | { Cite: { resource: ActionHash } };\n"
        );
    }

    #[test]
    fn what_it_cannot_read_is_kept_as_written() {
        let decl = "type M = { [key in string]?: number };";
        assert_eq!(declaration(None, decl), format!("export {decl}\n"));
    }
}
