//! The second pass: decide the scope of every name (CPython's `analyze_block` and helpers in
//! `Python/symtable.c`), inline comprehensions into their enclosing scope (PEP 709), turn
//! locals that children close over into cells, and record which classes need the implicit
//! `__class__`/`__classdict__` cells and `__conditional_annotations__`.
//!
//! A parent passes each child the names bound in enclosing function scopes (`bound`), the
//! declared globals (`global`) and the type parameters in force; each child reports back the
//! names it uses freely (`free`).

use super::flags::*;
use super::{BlockType, ComprehensionKind, EntryId, Name, Scope, SymbolTable};
use crate::error::{CompileError, CompileResult};
use std::collections::{HashMap, HashSet};

type NameSet = HashSet<Name>;

/// Runs the analysis over the whole table.
pub fn analyze(table: &mut SymbolTable) -> CompileResult<()> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    let mut type_params = NameSet::new();
    let top = table.top;
    analyze_block(table, top, None, &mut free, &mut global, &mut type_params, None)
}

fn directive_error(table: &SymbolTable, ste: EntryId, name: &Name, msg: String) -> CompileError {
    let loc = table.entries[ste]
        .directives
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, l)| *l)
        .unwrap_or_default();
    CompileError::syntax(msg, loc)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    table: &SymbolTable,
    ste: EntryId,
    scopes: &mut HashMap<Name, Scope>,
    name: &Name,
    flags: u32,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<EntryId>,
) -> CompileResult<()> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(directive_error(
                table,
                ste,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        scopes.insert(name.clone(), Scope::GlobalExplicit);
        global.insert(name.clone());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(directive_error(
                table,
                ste,
                name,
                "nonlocal declaration not allowed at module level".into(),
            ));
        };
        if !bound.contains(name) {
            return Err(directive_error(
                table,
                ste,
                name,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        if type_params.contains(name) {
            return Err(directive_error(
                table,
                ste,
                name,
                format!("nonlocal binding not allowed for type parameter '{name}'"),
            ));
        }
        scopes.insert(name.clone(), Scope::Free);
        free.insert(name.clone());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.clone(), Scope::Local);
        local.insert(name.clone());
        global.remove(name);
        if flags & DEF_TYPE_PARAM != 0 {
            type_params.insert(name.clone());
        } else {
            type_params.remove(name);
        }
        return Ok(());
    }
    // In a scope that can see the enclosing class's namespace, a name the class binds (or
    // declares global) is looked up there and in the globals, not in an outer function.
    if let Some(c) = class_entry {
        let class_flags = table.entries[c].symbols.get(name).unwrap_or(0);
        if class_flags & DEF_GLOBAL != 0 {
            scopes.insert(name.clone(), Scope::GlobalExplicit);
            return Ok(());
        } else if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
            scopes.insert(name.clone(), Scope::GlobalImplicit);
            return Ok(());
        }
    }
    if let Some(b) = bound
        && b.contains(name)
    {
        scopes.insert(name.clone(), Scope::Free);
        free.insert(name.clone());
        return Ok(());
    }
    scopes.insert(name.clone(), Scope::GlobalImplicit);
    Ok(())
}

fn is_free_in_any_child(table: &SymbolTable, entry: EntryId, name: &str) -> bool {
    table.entries[entry]
        .children
        .iter()
        .any(|&c| table.entries[c].scope_of(name) == Some(Scope::Free))
}

fn inline_comprehension(
    table: &mut SymbolTable,
    ste: EntryId,
    comp: EntryId,
    scopes: &mut HashMap<Name, Scope>,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) {
    let mut removed: Vec<Name> = Vec::new();
    let comp_symbols: Vec<(Name, u32)> =
        table.entries[comp].symbols.iter().map(|(n, f)| (n.clone(), f)).collect();
    let ste_is_class = table.entries[ste].kind == BlockType::Class;
    for (k, comp_flags) in comp_symbols {
        if comp_flags & DEF_PARAM != 0 {
            continue; // the comprehension's `.0` parameter
        }
        let mut scope = Scope::from_flags(comp_flags);
        let only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
        if scope == Some(Scope::Cell) || only_flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(k.clone());
        }
        let existing = table.entries[ste].symbols.get(&k);
        // __class__ is not a name of the class scope, but it stays free so that the class
        // still provides the cell (CPython 3.14: the class gets `__class__` and a lambda in the
        // comprehension closes over it; checked against the oracle's bytecode).
        if scope == Some(Scope::Free)
            && ste_is_class
            && matches!(&*k, "__class__" | "__classdict__" | "__conditional_annotations__")
        {
            scope = Some(Scope::GlobalImplicit);
            removed.push(k.clone());
        }
        match existing {
            None => {
                table.entries[ste].symbols.set(&k, only_flags);
                if let Some(s) = scope {
                    scopes.insert(k, s);
                }
            }
            Some(flags) => {
                if flags & DEF_BOUND != 0 && !ste_is_class && !is_free_in_any_child(table, comp, &k)
                {
                    // A free name of the comprehension that is local outside becomes a plain
                    // local once inlined, and its use there a use here (CPython 3.14 reports
                    // the USE flag on the outer symbol; checked against the oracle).
                    comp_free.remove(&k);
                    if scope == Some(Scope::Free) {
                        table.entries[ste].symbols.set(&k, flags | (only_flags & USE));
                    }
                }
            }
        }
    }
    for k in removed {
        table.entries[comp].symbols.remove(&k);
    }
}

fn analyze_cells(scopes: &mut HashMap<Name, Scope>, free: &mut NameSet, inlined_cells: &NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope != Scope::Local {
            continue;
        }
        if !free.contains(name) && !inlined_cells.contains(name) {
            continue;
        }
        *scope = Scope::Cell;
        free.remove(name);
    }
}

fn drop_class_free(table: &mut SymbolTable, ste: EntryId, free: &mut NameSet) {
    let e = &mut table.entries[ste];
    if free.remove("__class__") {
        e.needs_class_closure = true;
    }
    if free.remove("__classdict__") {
        e.needs_classdict = true;
    }
    if free.remove("__conditional_annotations__") {
        e.has_conditional_annotations = true;
    }
}

fn update_symbols(
    table: &mut SymbolTable,
    ste: EntryId,
    scopes: &HashMap<Name, Scope>,
    bound: Option<&NameSet>,
    free: &NameSet,
    inlined_cells: &NameSet,
    classflag: bool,
) {
    let symbols = &mut table.entries[ste].symbols;
    let names: Vec<(Name, u32)> = symbols.iter().map(|(n, f)| (n.clone(), f)).collect();
    for (name, mut flags) in names {
        if inlined_cells.contains(&name) {
            flags |= DEF_COMP_CELL;
        }
        let scope = scopes.get(&name).copied().unwrap_or(Scope::GlobalImplicit);
        flags |= (scope as u32) << SCOPE_OFFSET;
        symbols.set(&name, flags);
    }
    // Free names of children that are not bound here: record them as free here too, so the
    // closure passes through. (CPython iterates a set here; sort for a stable order.)
    let mut free_names: Vec<&Name> = free.iter().collect();
    free_names.sort();
    for name in free_names {
        if let Some(flags) = symbols.get(name) {
            if classflag {
                symbols.set(name, flags | DEF_FREE_CLASS);
            }
            continue;
        }
        if let Some(b) = bound
            && !b.contains(name)
        {
            continue; // a global
        }
        symbols.set(name, (Scope::Free as u32) << SCOPE_OFFSET);
    }
}

#[allow(clippy::too_many_arguments)]
fn analyze_block(
    table: &mut SymbolTable,
    ste: EntryId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<EntryId>,
) -> CompileResult<()> {
    let mut local = NameSet::new();
    let mut scopes: HashMap<Name, Scope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    let mut inlined_cells = NameSet::new();
    let kind = table.entries[ste].kind;

    // Class bindings are not visible in nested scopes: what children see is fixed before the
    // class's own names are analysed.
    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(Name, u32)> =
        table.entries[ste].symbols.iter().map(|(n, f)| (n.clone(), f)).collect();
    for (name, flags) in &symbols {
        analyze_name(
            table,
            ste,
            &mut scopes,
            name,
            *flags,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
            type_params,
            class_entry,
        )?;
    }

    if kind != BlockType::Class {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        for n in ["__class__", "__classdict__", "__conditional_annotations__"] {
            newbound.insert(Name::from(n));
        }
    }

    let children = table.entries[ste].children.clone();
    let ste_can_see_class = table.entries[ste].can_see_class_scope;
    for &child in &children {
        let new_class_entry = if table.entries[child].can_see_class_scope {
            if kind == BlockType::Class { Some(ste) } else { class_entry }
        } else {
            None
        };
        let c = &table.entries[child];
        let inline_comp =
            c.comprehension != ComprehensionKind::None && !c.generator && !ste_can_see_class;
        let mut child_free = {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            let mut temp_type_params = type_params.clone();
            analyze_block(
                table,
                child,
                Some(&mut temp_bound),
                &mut temp_free,
                &mut temp_global,
                &mut temp_type_params,
                new_class_entry,
            )?;
            temp_free
        };
        if inline_comp {
            inline_comprehension(
                table,
                ste,
                child,
                &mut scopes,
                &mut child_free,
                &mut inlined_cells,
            );
            table.entries[child].comp_inlined = true;
        }
        newfree.extend(child_free);
    }

    // An inlined comprehension's own children become children of this scope.
    let mut spliced = Vec::with_capacity(children.len());
    for &child in &children {
        if table.entries[child].comp_inlined {
            spliced.extend(table.entries[child].children.iter().copied());
        } else {
            spliced.push(child);
        }
    }
    table.entries[ste].children = spliced;

    if kind.is_function_like() {
        analyze_cells(&mut scopes, &mut newfree, &inlined_cells);
    } else if kind == BlockType::Class {
        drop_class_free(table, ste, &mut newfree);
    }
    update_symbols(
        table,
        ste,
        &scopes,
        bound.as_deref(),
        &newfree,
        &inlined_cells,
        kind == BlockType::Class || ste_can_see_class,
    );
    free.extend(newfree);
    Ok(())
}
