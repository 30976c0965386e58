//! Reading course files: size and encoding checks, RON parsing with positions, validation,
//! duplicate ids across files, citations checked against the handbook, and the set of courses
//! bundled into the binary.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::de::DeserializeOwned;

use super::error::{CourseError, describe_ron_error};
use super::locate::Locator;
use super::organisation::{self, Organisation};
use super::validate::{Issue, validate};
use super::{CitationSite, Module, content_hash};
use crate::canon::Digest32;
use crate::handbook::{self, Handbook};

/// The largest course file accepted; real modules are far smaller.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// How deeply RON values may nest; a course file needs about six levels.
pub const RECURSION_LIMIT: usize = 32;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// A module that loaded and validated, with where it came from and its content hash.
#[derive(Debug, Clone)]
pub struct LoadedModule {
    /// The file it was read from, as named to the user.
    pub source: String,
    /// The module, with text layout normalised.
    pub module: Module,
    /// Its canonical content hash.
    pub hash: Digest32,
    /// Every place the module cites the handbook, in file order.
    pub sites: Vec<CitationSite>,
    /// The handbook its citations were checked against (shared with the set).
    pub handbook: Arc<Handbook>,
    /// Every placeholder the file uses, by name, with its 1-based line and column.
    pub placeholders: Vec<(String, (usize, usize))>,
}

/// All modules of one course set, in file-name order, and the handbook they cite.
#[derive(Debug, Clone, Default)]
pub struct CourseSet {
    /// The modules.
    pub modules: Vec<LoadedModule>,
    /// The handbook (`handbook/` beside the course files, or the bundled one).
    pub handbook: Arc<Handbook>,
    /// The organisation profile (`organisation.ron` beside the course files, or the bundled
    /// one) whose values fill the modules' placeholders.
    pub organisation: Arc<Organisation>,
}

impl CourseSet {
    /// The module with the given id.
    pub fn get(&self, id: &str) -> Option<&LoadedModule> {
        self.modules.iter().find(|m| m.module.id == id)
    }

    /// The modules a learner in `role` is to take ([`super::Role::modules_to_take`]),
    /// in the set's order, with the set's handbook and organisation: a managers' module is
    /// left out for an employee. The verdict judges against the whole set, so an attempt at a
    /// module outside the role still counts.
    #[must_use]
    pub fn for_role(&self, role: super::Role) -> CourseSet {
        CourseSet {
            modules: role
                .modules_to_take(self.modules.iter().map(|m| &m.module))
                .into_iter()
                .filter_map(|i| self.modules.get(i).cloned())
                .collect(),
            handbook: Arc::clone(&self.handbook),
            organisation: Arc::clone(&self.organisation),
        }
    }

    /// Builds a set from named file contents, citing the bundled handbook and filled from the
    /// bundled organisation profile; see [`CourseSet::from_sources_in`].
    pub fn from_sources<'a>(
        files: impl IntoIterator<Item = (String, &'a [u8])>,
    ) -> Result<CourseSet, Vec<CourseError>> {
        CourseSet::from_sources_in(
            handbook::load::shared_bundled()?,
            bundled_organisation()?,
            files,
        )
    }

    /// Builds a set from named file contents whose citations are checked against `handbook`
    /// and whose placeholders are filled from `organisation`, reporting every error in every
    /// file, including duplicate module and question ids across files.
    pub fn from_sources_in<'a>(
        handbook: Arc<Handbook>,
        organisation: Arc<Organisation>,
        files: impl IntoIterator<Item = (String, &'a [u8])>,
    ) -> Result<CourseSet, Vec<CourseError>> {
        let mut set = CourseSet {
            modules: Vec::new(),
            handbook,
            organisation,
        };
        let mut errors = Vec::new();
        let mut module_ids: HashMap<String, String> = HashMap::new();
        let mut question_ids: HashMap<String, String> = HashMap::new();
        for (name, bytes) in files {
            match parse_module_in(&name, bytes, &set.handbook, &set.organisation) {
                Ok(loaded) => {
                    let src = std::str::from_utf8(bytes).unwrap_or_default();
                    let loc = Locator::new(src);
                    let place = |offset: Option<usize>| offset.map(|o| loc.line_col(o));
                    let m = &loaded.module;
                    if let Some(first) = module_ids.get(&m.id) {
                        errors.push(CourseError {
                            path: name.clone(),
                            position: place(loc.field_with_string("id", &m.id, 0)),
                            message: format!("module id `{}` is also used by {first}; give each module its own id", m.id),
                        });
                    } else {
                        module_ids.insert(m.id.clone(), name.clone());
                    }
                    for q in &m.questions {
                        if let Some(first) = question_ids.get(&q.id) {
                            if first != &name {
                                errors.push(CourseError {
                                    path: name.clone(),
                                    position: place(loc.field_with_string("id", &q.id, 0)),
                                    message: format!("question id `{}` is also used in {first}; question ids must be unique across all modules", q.id),
                                });
                            }
                        } else {
                            question_ids.insert(q.id.clone(), name.clone());
                        }
                    }
                    set.modules.push(loaded);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }
}

/// Parses and validates one course file's bytes against the bundled handbook and organisation
/// profile; `name` is used in error messages.
pub fn parse_module(name: &str, bytes: &[u8]) -> Result<LoadedModule, Vec<CourseError>> {
    parse_module_in(
        name,
        bytes,
        &handbook::load::shared_bundled()?,
        &*bundled_organisation()?,
    )
}

/// Parses and validates one course file's bytes, checking its citations against `handbook`
/// and filling its placeholders from `organisation`.
pub fn parse_module_in(
    name: &str,
    bytes: &[u8],
    handbook: &Arc<Handbook>,
    organisation: &Organisation,
) -> Result<LoadedModule, Vec<CourseError>> {
    let (mut module, src): (Module, &str) = read_ron(name, bytes)?;
    let (mut issues, sites) = validate(src, &module, handbook);
    let (placeholders, malformed) = organisation::scan(src);
    issues.extend(malformed.into_iter().map(|m| Issue {
        offset: m.offset,
        message: m.message,
    }));
    issues.extend(
        placeholders
            .iter()
            .filter(|p| !organisation.values.contains_key(&p.name))
            .map(|p| Issue {
                offset: p.offset,
                message: format!(
                    "placeholder `{{{{{}}}}}` is not defined in the organisation profile ({}); define it there or use one of: {}",
                    p.name,
                    organisation::FILE,
                    defined(organisation)
                ),
            }),
    );
    let loc = Locator::new(src);
    if !issues.is_empty() {
        issues.sort_by_key(|i| i.offset);
        return Err(issues
            .into_iter()
            .map(|i| CourseError {
                path: name.to_owned(),
                position: Some(loc.line_col(i.offset)),
                message: i.message,
            })
            .collect());
    }
    module.for_each_text(|t| organisation.fill_text(t));
    module.normalize();
    let hash = content_hash(&module);
    Ok(LoadedModule {
        source: name.to_owned(),
        module,
        hash,
        sites: sites
            .into_iter()
            .map(|(cited, by, offset)| CitationSite {
                cited,
                by,
                position: loc.line_col(offset),
            })
            .collect(),
        handbook: Arc::clone(handbook),
        placeholders: placeholders
            .into_iter()
            .map(|p| (p.name, loc.line_col(p.offset)))
            .collect(),
    })
}

/// The profile's names, for an error message.
fn defined(organisation: &Organisation) -> String {
    let names: Vec<String> = organisation
        .values
        .keys()
        .map(|k| format!("{{{{{k}}}}}"))
        .collect();
    if names.is_empty() {
        "(the profile defines none)".into()
    } else {
        names.join(", ")
    }
}

/// The size, encoding and RON syntax checks every file under `courses/` gets (course and
/// handbook files alike): the value and the source text it was read from.
pub(crate) fn read_ron<'b, T: DeserializeOwned>(
    name: &str,
    bytes: &'b [u8],
) -> Result<(T, &'b str), Vec<CourseError>> {
    let at = |position: (usize, usize), message: String| CourseError {
        path: name.to_owned(),
        position: Some(position),
        message,
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![CourseError::whole(
            name,
            format!(
                "the file is {} bytes, more than the limit of {MAX_FILE_BYTES}; split it into several modules",
                bytes.len()
            ),
        )]);
    }
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let pos = Locator::new(good).line_col(good.len());
            return Err(vec![at(
                pos,
                "the file is not valid UTF-8 text; save it as UTF-8".into(),
            )]);
        }
    };
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    match options.from_str(src) {
        Ok(value) => Ok((value, src)),
        Err(e) => {
            let pos = (e.span.start.line.max(1), e.span.start.col.max(1));
            Err(vec![at(pos, describe_ron_error(&e.code))])
        }
    }
}

/// The `*.ron` files directly in `dir` (not its subfolders), in file-name order, leaving out
/// the organisation profile, which is not a module.
pub(crate) fn ron_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "ron")
                && p.file_name().is_some_and(|n| n != organisation::FILE)
                && p.is_file()
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Loads every `*.ron` file in `dir` (not its subfolders), in file-name order, citing the
/// handbook in `dir/handbook/`, or the bundled handbook when there is no such folder.
pub fn load_dir(dir: &Path) -> Result<CourseSet, Vec<CourseError>> {
    let handbook_dir = dir.join(handbook::FOLDER);
    let handbook = if handbook_dir.is_dir() {
        handbook::load_dir(&handbook_dir).map(Arc::new)?
    } else {
        handbook::load::shared_bundled()?
    };
    let organisation = match dir.join(organisation::FILE) {
        path if path.is_file() => {
            let name = path.display().to_string();
            let bytes = read_limited(&path).map_err(|m| vec![CourseError::whole(&name, m)])?;
            Arc::new(Organisation::parse(&name, &bytes)?)
        }
        _ => bundled_organisation()?,
    };
    let (files, mut errors) = read_folder(
        dir,
        "no course files (*.ron) in this folder; point --courses at the folder that holds them",
    )?;
    let result = CourseSet::from_sources_in(
        handbook,
        organisation,
        files.iter().map(|(n, b)| (n.clone(), b.as_slice())),
    );
    match result {
        Ok(set) if errors.is_empty() => Ok(set),
        Ok(_) => Err(errors),
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

/// The named contents of every `*.ron` file in `dir`, and an error for each that cannot be
/// read; an error alone when the folder cannot be read or holds no such file (`none`).
pub(crate) type Folder = (Vec<(String, Vec<u8>)>, Vec<CourseError>);

/// Reads the `*.ron` files of a folder for [`load_dir`] and the handbook's loader.
pub(crate) fn read_folder(dir: &Path, none: &str) -> Result<Folder, Vec<CourseError>> {
    let shown = dir.display().to_string();
    let paths = ron_files(dir).map_err(|e| {
        vec![CourseError::whole(
            &shown,
            format!("cannot read the folder: {e}"),
        )]
    })?;
    if paths.is_empty() {
        return Err(vec![CourseError::whole(&shown, none)]);
    }
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for path in &paths {
        let name = path.display().to_string();
        match read_limited(path) {
            Ok(bytes) => files.push((name, bytes)),
            Err(message) => errors.push(CourseError::whole(name, message)),
        }
    }
    Ok((files, errors))
}

/// Reads at most one byte more than the limit, so a huge file is refused without reading it all.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open the file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    Ok(bytes)
}

/// The course set compiled into the binary from `courses/`, with the bundled handbook.
pub fn bundled() -> Result<CourseSet, Vec<CourseError>> {
    CourseSet::from_sources(BUNDLED.iter().map(|(n, s)| ((*n).to_owned(), s.as_bytes())))
}

static ORGANISATION: LazyLock<Result<Arc<Organisation>, Vec<CourseError>>> =
    LazyLock::new(|| match BUNDLED_ORGANISATION {
        Some((name, src)) => Organisation::parse(name, src.as_bytes()).map(Arc::new),
        None => Ok(Arc::default()),
    });

/// The organisation profile compiled into the binary from `courses/organisation.ron`, read
/// once and shared (an empty profile when the bundled courses have none).
pub fn bundled_organisation() -> Result<Arc<Organisation>, Vec<CourseError>> {
    ORGANISATION.clone()
}
