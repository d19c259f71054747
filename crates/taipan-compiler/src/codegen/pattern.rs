//! Structural pattern matching (`match`), after the `codegen_pattern_*` functions of CPython's
//! codegen: each pattern consumes its subject and jumps to a "fail pop" block on mismatch;
//! captured names are stored only once the whole pattern matched.

use super::*;
use crate::instr::NEXT_LOCATION;
use taipan_parser::ast::{Operator, Pattern, PatternKind, UnaryOp};

/// `pattern_context`.
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

/// The constant a match value or mapping key stands for: a literal, or the `-1`/`1+2j`
/// forms CPython's AST pre-pass folds into one.
fn match_constant(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(const_of(value)),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => {
            let c = match_constant(operand)?;
            crate::flowgraph::fold::unaryop(&c, UNARY_NEGATIVE)
        }
        ExprKind::BinOp { left, op: op @ (Operator::Add | Operator::Sub), right } => {
            let (l, r) = (match_constant(left)?, match_constant(right)?);
            let arg = if *op == Operator::Add { 0 } else { 10 };
            crate::flowgraph::fold::binop(&l, arg, &r)
        }
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, loc: Location, pc: &mut PatternContext, op: u16) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, loc: Location, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.addop_noarg(POP_TOP, loc);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_rotate(&mut self, loc: Location, mut count: usize) {
        while count > 1 {
            self.addop_i(SWAP, count as i32, loc);
            count -= 1;
        }
    }

    fn pattern_store_name(
        &mut self,
        loc: Location,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let Some(n) = name else {
            self.addop_noarg(POP_TOP, loc);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{n}' in pattern"), loc));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(loc, rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn pattern_unpack_helper(&mut self, loc: Location, elts: &[Pattern]) -> CompileResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern", loc));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern", loc)
                    );
                }
                self.addop_i(UNPACK_EX, (i + ((n - i - 1) << 8)) as i32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n as i32, loc);
        }
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        self.enter_recursion()?;
        let r =
            stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
                self.pattern_inner(p, pc)
            });
        self.leave_recursion();
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CompileResult<()> {
        let loc = Location::of(&p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if let Some(c) = match_constant(value) {
                    if !matches!(value.kind, ExprKind::Constant { .. }) {
                        self.load_const(c, loc_e(value));
                    } else {
                        self.visit_expr(value)?;
                    }
                } else if matches!(value.kind, ExprKind::Attribute { .. }) {
                    self.visit_expr(value)?;
                } else {
                    return Err(
                        self.error("patterns may only match literals and attribute lookups", loc)
                    );
                }
                self.addcompare(taipan_parser::ast::CmpOp::Eq, loc);
                self.addop_noarg(TO_BOOL, loc);
                self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(const_of(value), loc);
                self.addcompare(taipan_parser::ast::CmpOp::Is, loc);
                self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(loc, patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.pattern_mapping(p, loc, keys, patterns, rest.as_deref(), pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(p, loc, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.pattern_store_name(loc, name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".into(),
                        };
                        return Err(self.error(msg, loc));
                    }
                    self.pattern_store_name(loc, name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.addop_i(COPY, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(loc, name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(p, loc, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        loc: Location,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, pat) in patterns.iter().enumerate() {
            if matches!(pat.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", loc));
                }
                star_wildcard = is_wildcard_star(pat);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(pat);
        }
        pc.on_top += 1;
        self.addop_noarg(MATCH_SEQUENCE, loc);
        self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        if star.is_none() {
            self.addop_noarg(GET_LEN, loc);
            self.load_const(Const::int(size as i64), loc);
            self.addcompare(taipan_parser::ast::CmpOp::Eq, loc);
            self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        } else if size > 1 {
            self.addop_noarg(GET_LEN, loc);
            self.load_const(Const::int(size as i64 - 1), loc);
            self.addcompare(taipan_parser::ast::CmpOp::GtE, loc);
            self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop_noarg(POP_TOP, loc);
        } else if star_wildcard {
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, pat) in patterns.iter().enumerate() {
                if is_wildcard(pat) || i == star {
                    continue;
                }
                self.addop_i(COPY, 1, loc);
                if i < star {
                    self.load_const(Const::int(i as i64), loc);
                } else {
                    self.addop_noarg(GET_LEN, loc);
                    self.load_const(Const::int((size - i) as i64), loc);
                    self.addop_i(BINARY_OP, 10, loc);
                }
                self.addop_i(BINARY_OP, 26, loc);
                self.pattern_subpattern(pat, pc)?;
            }
            pc.on_top -= 1;
            self.addop_noarg(POP_TOP, loc);
        } else {
            self.pattern_unpack_helper(loc, patterns)?;
            pc.on_top += size;
            for pat in patterns {
                pc.on_top -= 1;
                self.pattern_subpattern(pat, pc)?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        loc: Location,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [taipan_parser::ast::Identifier],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let _ = p;
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(
                self.error("kwd_attrs / kwd_patterns length mismatch in class pattern", loc)
            );
        }
        for i in 0..nattrs {
            for j in i + 1..nattrs {
                if kwd_attrs[i] == kwd_attrs[j] {
                    return Err(self.error(
                        format!("attribute name repeated in class pattern: {}", kwd_attrs[i]),
                        Location::of(&kwd_patterns[j].loc),
                    ));
                }
            }
        }
        self.visit_expr(cls)?;
        let names: Vec<Const> = kwd_attrs.iter().map(|a| Const::Str(PyStr::from(&**a))).collect();
        self.load_const(Const::Tuple(names), loc);
        self.addop_i(MATCH_CLASS, nargs as i32, loc);
        self.addop_i(COPY, 1, loc);
        self.load_const(Const::None, loc);
        self.addop_i(IS_OP, 1, loc);
        pc.on_top += 1;
        self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        self.addop_i(UNPACK_SEQUENCE, (nargs + nattrs) as i32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let pat = if i < nargs { &patterns[i] } else { &kwd_patterns[i - nargs] };
            if is_wildcard(pat) {
                self.addop_noarg(POP_TOP, loc);
                continue;
            }
            self.pattern_subpattern(pat, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        p: &'a Pattern,
        loc: Location,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let _ = p;
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error("keys / patterns length mismatch in mapping pattern", loc));
        }
        pc.on_top += 1;
        self.addop_noarg(MATCH_MAPPING, loc);
        self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.addop_noarg(POP_TOP, loc);
            return Ok(());
        }
        if size > 0 {
            self.addop_noarg(GET_LEN, loc);
            self.load_const(Const::int(size as i64), loc);
            self.addcompare(taipan_parser::ast::CmpOp::GtE, loc);
            self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        }
        let mut seen: Vec<crate::compile::ConstKey> = Vec::new();
        for key in keys {
            if let Some(c) = match_constant(key) {
                let k = crate::compile::const_key(&c);
                if seen.contains(&k) {
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({})", c.repr()),
                        loc,
                    ));
                }
                seen.push(k);
                if matches!(key.kind, ExprKind::Constant { .. }) {
                    self.visit_expr(key)?;
                } else {
                    self.load_const(c, loc_e(key));
                }
            } else if matches!(key.kind, ExprKind::Attribute { .. }) {
                self.visit_expr(key)?;
            } else {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    loc,
                ));
            }
        }
        self.addop_i(BUILD_TUPLE, size as i32, loc);
        self.addop_noarg(MATCH_KEYS, loc);
        pc.on_top += 2;
        self.addop_i(COPY, 1, loc);
        self.load_const(Const::None, loc);
        self.addop_i(IS_OP, 1, loc);
        self.jump_to_fail_pop(loc, pc, POP_JUMP_IF_FALSE as u16);
        self.addop_i(UNPACK_SEQUENCE, size as i32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for pat in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(pat, pc)?;
        }
        pc.on_top -= 2;
        if let Some(star) = rest {
            self.addop_i(BUILD_MAP, 0, loc);
            self.addop_i(SWAP, 3, loc);
            self.addop_i(DICT_UPDATE, 2, loc);
            self.addop_i(UNPACK_SEQUENCE, size as i32, loc);
            let mut n = size;
            while n > 0 {
                self.addop_i(COPY, 1 + n as i32, loc);
                n -= 1;
                self.addop_i(SWAP, 2, loc);
                self.addop_noarg(DELETE_SUBSCR, loc);
            }
            self.pattern_store_name(loc, Some(star), pc)?;
        } else {
            self.addop_noarg(POP_TOP, loc);
            self.addop_noarg(POP_TOP, loc);
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        p: &'a Pattern,
        loc: Location,
        alts: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CompileResult<()> {
        let _ = p;
        let end = self.new_label();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            let aloc = Location::of(&alt.loc);
            self.addop_i(COPY, 1, aloc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", loc));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error("alternative patterns bind different names", loc)
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(aloc, icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(JUMP, end, aloc);
            self.emit_and_reset_fail_pop(aloc, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.addop_noarg(POP_TOP, loc);
        self.jump_to_fail_pop(loc, pc, JUMP);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error(format!("multiple assignments to name '{name}' in pattern"), loc)
                );
            }
            pc.stores.push(name);
        }
        self.addop_noarg(POP_TOP, loc);
        Ok(())
    }

    pub fn codegen_match(&mut self, s: &'a Stmt) -> CompileResult<()> {
        let StmtKind::Match { subject, cases } = &s.kind else { return Ok(()) };
        self.visit_expr(subject)?;
        let end = self.new_label();
        let ncases = cases.len();
        if ncases == 0 {
            return Ok(());
        }
        let has_default = is_wildcard(&cases[ncases - 1].pattern) && ncases > 1;
        let mut pc = PatternContext {
            stores: Vec::new(),
            allow_irrefutable: false,
            fail_pop: Vec::new(),
            on_top: 0,
        };
        let n = ncases - usize::from(has_default);
        for (i, m) in cases[..n].iter().enumerate() {
            let ploc = Location::of(&m.pattern.loc);
            if i != n - 1 {
                self.addop_i(COPY, 1, ploc);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store, ploc)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(ploc, g, target, false)?;
            }
            if i != n - 1 {
                self.addop_noarg(POP_TOP, NEXT_LOCATION);
            }
            self.visit_stmts(&m.body)?;
            self.jump(JUMP, end, NO_LOCATION);
            self.emit_and_reset_fail_pop(ploc, &mut pc);
        }
        if has_default {
            let m = &cases[ncases - 1];
            let ploc = Location::of(&m.pattern.loc);
            if ncases == 1 {
                self.addop_noarg(POP_TOP, ploc);
            } else {
                self.addop_noarg(NOP, ploc);
            }
            if let Some(g) = &m.guard {
                self.jump_if(ploc, g, end, false)?;
            }
            self.visit_stmts(&m.body)?;
        }
        self.use_label(end);
        Ok(())
    }
}
