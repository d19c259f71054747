//! Expressions: the dispatcher and the operators, containers (with `*` unpacking), subscripts
//! and slices, attributes (with the `super()` shortcuts), f-strings and t-strings, `yield` and
//! `await`, after `codegen_visit_expr` and friends in CPython's codegen.

use super::{INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE, const_of, loc_e};
use crate::compile::{Compiler, ScopeType};
use crate::error::CompileResult;
use crate::instr::{Location, NO_LOCATION};
use taipan_bytecode::Const;
use taipan_bytecode::opcodes::*;
use taipan_common::PyStr;
use taipan_parser::ast::{BoolOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};

/// Stack use above which container displays and calls are built incrementally
/// (`_PY_STACK_USE_GUIDELINE`).
pub const STACK_USE_GUIDELINE: usize = 30;

/// `BINARY_OP`'s oparg for an operator (`NB_*`; in-place forms are 13 higher).
pub fn binop_arg(op: Operator, inplace: bool) -> i32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace { base + 13 } else { base }
}

/// If an attribute access spans lines, locate it at the attribute name
/// (`update_start_location_to_match_attr`).
pub fn update_start_location_to_match_attr(mut loc: Location, e: &Expr) -> Location {
    let ExprKind::Attribute { attr, .. } = &e.kind else { return loc };
    let end_lineno = e.loc.end_lineno as i32;
    if loc.lineno != end_lineno {
        loc.lineno = end_lineno;
        let len = attr.chars().count() as i32;
        let end_col = e.loc.end_col_offset as i32;
        if len <= end_col {
            loc.col = end_col - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        loc.end_lineno = loc.lineno.max(loc.end_lineno);
        if loc.lineno == loc.end_lineno {
            loc.end_col = loc.col.max(loc.end_col);
        }
    }
    loc
}

fn is_constant_slice(s: &Expr) -> bool {
    match &s.kind {
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .all(|x| x.as_ref().is_none_or(|e| matches!(e.kind, ExprKind::Constant { .. }))),
        _ => false,
    }
}

/// `should_apply_two_element_slice_optimization`.
pub fn two_element_slice(s: &Expr) -> bool {
    !is_constant_slice(s) && matches!(&s.kind, ExprKind::Slice { step: None, .. })
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CompileResult<()> {
        self.enter_recursion()?;
        let r =
            stacker::maybe_grow(crate::compile::RED_ZONE, crate::compile::STACK_SEGMENT, || {
                self.visit_expr_inner(e)
            });
        self.leave_recursion();
        r
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CompileResult<()> {
        let loc = loc_e(e);
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(COPY, 1, loc);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { values, .. } if values.len() < 2 => {
                return Err(self.error("BoolOp with less than 2 values", loc));
            }
            ExprKind::Compare { ops, comparators, .. }
                if ops.is_empty() || ops.len() != comparators.len() =>
            {
                return Err(
                    self.error("Compare has a different number of comparators and operands", loc)
                );
            }
            ExprKind::BoolOp { op, values } => {
                let jumpi = if *op == BoolOp::And { JUMP_IF_FALSE } else { JUMP_IF_TRUE };
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.visit_expr(v)?;
                    self.jump(jumpi, end, loc);
                    self.addop_noarg(POP_TOP, loc);
                }
                self.visit_expr(&values[n])?;
                self.use_label(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_i(BINARY_OP, binop_arg(*op, false), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                match op {
                    UnaryOp::UAdd => self.addop_i(CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, loc),
                    UnaryOp::Not => {
                        self.addop_noarg(TO_BOOL, loc);
                        self.addop_noarg(UNARY_NOT, loc);
                    }
                    UnaryOp::Invert => self.addop_noarg(UNARY_INVERT, loc),
                    UnaryOp::USub => self.addop_noarg(UNARY_NEGATIVE, loc),
                }
            }
            ExprKind::Lambda { args, body } => return self.codegen_lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, test, next, false)?;
                self.visit_expr(body)?;
                self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
                self.use_label(next);
                self.visit_expr(orelse)?;
                self.use_label(end);
            }
            ExprKind::Dict { keys, values } => return self.codegen_dict(e, keys, values),
            ExprKind::Set { elts } => {
                return self
                    .starunpack_helper(loc, elts, None, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
            }
            ExprKind::GeneratorExp { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. } => return self.codegen_comprehension(e),
            ExprKind::Yield { value } => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error("'yield' outside function", loc));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None, loc),
                }
                self.addop_yield(loc);
            }
            ExprKind::YieldFrom { value } => {
                if !self.ste().kind.is_function_like() {
                    return Err(self.error("'yield from' outside function", loc));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", loc));
                }
                self.visit_expr(value)?;
                self.addop_noarg(GET_YIELD_FROM_ITER, loc);
                self.load_const(Const::None, loc);
                self.add_yield_from(loc, false);
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.addop_i(GET_AWAITABLE, 0, loc);
                self.load_const(Const::None, loc);
                self.add_yield_from(loc, true);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.check_compare(e);
                self.visit_expr(left)?;
                let n = ops.len() - 1;
                if n == 0 {
                    self.visit_expr(&comparators[0])?;
                    self.addcompare(ops[0], loc);
                } else {
                    let cleanup = self.new_label();
                    for i in 0..n {
                        self.visit_expr(&comparators[i])?;
                        self.addop_i(SWAP, 2, loc);
                        self.addop_i(COPY, 2, loc);
                        self.addcompare(ops[i], loc);
                        self.addop_i(COPY, 1, loc);
                        self.addop_noarg(TO_BOOL, loc);
                        self.jump(POP_JUMP_IF_FALSE as u16, cleanup, loc);
                        self.addop_noarg(POP_TOP, loc);
                    }
                    self.visit_expr(&comparators[n])?;
                    self.addcompare(ops[n], loc);
                    let end = self.new_label();
                    self.jump(JUMP_NO_INTERRUPT, end, NO_LOCATION);
                    self.use_label(cleanup);
                    self.addop_i(SWAP, 2, loc);
                    self.addop_noarg(POP_TOP, loc);
                    self.use_label(end);
                }
            }
            ExprKind::Call { .. } => return self.codegen_call(e),
            ExprKind::Constant { value, .. } => self.load_const(const_of(value), loc),
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Const::Str(PyStr::from("")), loc);
                    self.addop_load_method("join", loc);
                    self.addop_i(BUILD_LIST, 0, loc);
                    for v in values {
                        self.visit_expr(v)?;
                        self.addop_i(LIST_APPEND, 1, loc);
                    }
                    self.addop_i(CALL, 1, loc);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() > 1 {
                        self.addop_i(BUILD_STRING, values.len() as i32, loc);
                    } else if values.is_empty() {
                        self.load_const(Const::Str(PyStr::from("")), loc);
                    }
                }
            }
            ExprKind::TemplateStr { values } => {
                let mut last_was_interpolation = true;
                let mut strings = 0;
                for v in values {
                    if matches!(v.kind, ExprKind::Interpolation { .. }) {
                        if last_was_interpolation {
                            self.load_const(Const::Str(PyStr::from("")), loc);
                            strings += 1;
                        }
                        last_was_interpolation = true;
                    } else {
                        self.visit_expr(v)?;
                        strings += 1;
                        last_was_interpolation = false;
                    }
                }
                if last_was_interpolation {
                    self.load_const(Const::Str(PyStr::from("")), loc);
                    strings += 1;
                }
                self.addop_i(BUILD_TUPLE, strings, loc);
                let mut n = 0;
                for v in values {
                    if matches!(v.kind, ExprKind::Interpolation { .. }) {
                        self.visit_expr(v)?;
                        n += 1;
                    }
                }
                self.addop_i(BUILD_TUPLE, n, loc);
                self.addop_noarg(BUILD_TEMPLATE, loc);
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.visit_expr(value)?;
                if *conversion != -1 {
                    self.addop_i(CONVERT_VALUE, conversion_arg(*conversion), loc);
                }
                match format_spec {
                    Some(spec) => {
                        self.visit_expr(spec)?;
                        self.addop_noarg(FORMAT_WITH_SPEC, loc);
                    }
                    None => self.addop_noarg(FORMAT_SIMPLE, loc),
                }
            }
            ExprKind::Interpolation { value, str, conversion, format_spec } => {
                self.visit_expr(value)?;
                self.load_const(Const::Str(str.clone()), loc);
                let mut oparg = 2;
                if let Some(spec) = format_spec {
                    oparg += 1;
                    self.visit_expr(spec)?;
                }
                if *conversion != -1 {
                    oparg |= conversion_arg(*conversion) << 2;
                }
                self.addop_i(BUILD_INTERPOLATION, oparg, loc);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == ExprContext::Load
                    && let Some(two) = self.can_optimize_super_call(e)
                {
                    self.load_args_for_super(value)?;
                    self.addop_super_attr(attr, two, false, loc);
                    let l = update_start_location_to_match_attr(loc, e);
                    self.addop_noarg(NOP, l);
                    return Ok(());
                }
                self.maybe_add_static_attribute(e);
                self.visit_expr(value)?;
                let l = update_start_location_to_match_attr(loc, e);
                match ctx {
                    ExprContext::Load => self.addop_name(LOAD_ATTR, attr, l),
                    ExprContext::Store => self.addop_name(STORE_ATTR, attr, l),
                    ExprContext::Del => self.addop_name(DELETE_ATTR, attr, l),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscripter(value);
                    self.check_index(value, slice);
                }
                self.visit_expr(value)?;
                if two_element_slice(slice) && *ctx != ExprContext::Del {
                    self.slice_two_parts(slice)?;
                    if *ctx == ExprContext::Load {
                        self.addop_noarg(BINARY_SLICE, loc);
                    } else {
                        self.addop_noarg(STORE_SLICE, loc);
                    }
                } else {
                    self.visit_expr(slice)?;
                    match ctx {
                        ExprContext::Load => self.addop_i(BINARY_OP, 26, loc),
                        ExprContext::Store => self.addop_noarg(STORE_SUBSCR, loc),
                        ExprContext::Del => self.addop_noarg(DELETE_SUBSCR, loc),
                    }
                }
            }
            ExprKind::Starred { ctx, .. } => {
                let msg = if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(self.error(msg, loc));
            }
            ExprKind::Slice { lower, upper, step } => {
                if is_constant_slice(e) {
                    let part = |x: &Option<Box<Expr>>| match x.as_deref() {
                        Some(Expr { kind: ExprKind::Constant { value, .. }, .. }) => {
                            const_of(value)
                        }
                        _ => Const::None,
                    };
                    let c = Const::Slice(Box::new([part(lower), part(upper), part(step)]));
                    self.load_const(c, loc);
                } else {
                    self.slice_two_parts(e)?;
                    let mut n = 2;
                    if let Some(s) = step {
                        n += 1;
                        self.visit_expr(s)?;
                    }
                    self.addop_i(BUILD_SLICE, n, loc);
                }
            }
            ExprKind::Name { id, ctx } => return self.nameop(id, *ctx, loc),
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => return self.assignment_helper(loc, elts),
                ExprContext::Load => {
                    return self.starunpack_helper(
                        loc,
                        elts,
                        None,
                        0,
                        BUILD_LIST,
                        LIST_APPEND,
                        LIST_EXTEND,
                        false,
                    );
                }
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => return self.assignment_helper(loc, elts),
                ExprContext::Load => {
                    return self.starunpack_helper(
                        loc,
                        elts,
                        None,
                        0,
                        BUILD_LIST,
                        LIST_APPEND,
                        LIST_EXTEND,
                        true,
                    );
                }
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
        }
        Ok(())
    }

    /// `codegen_check_compare`: `is` / `is not` with a literal operand.
    pub fn check_compare(&mut self, e: &Expr) {
        let ExprKind::Compare { left, ops, comparators } = &e.kind else { return };
        let is_arg = |x: &Expr| match &x.kind {
            ExprKind::Tuple { elts, .. } => {
                !elts.iter().all(|y| matches!(y.kind, ExprKind::Constant { .. }))
            }
            ExprKind::Constant { value, .. } => matches!(
                value,
                taipan_parser::ast::Constant::None
                    | taipan_parser::ast::Constant::Bool(_)
                    | taipan_parser::ast::Constant::Ellipsis
            ),
            _ => true,
        };
        let mut left_ok = is_arg(left);
        let mut left_expr: &Expr = left;
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg(right);
            if matches!(op, taipan_parser::ast::CmpOp::Is | taipan_parser::ast::CmpOp::IsNot)
                && (!right_ok || !left_ok)
            {
                let literal = if !left_ok { left_expr } else { right };
                let ty = crate::warnings::infer_type(literal).unwrap_or("object");
                let msg = if *op == taipan_parser::ast::CmpOp::Is {
                    format!("\"is\" with '{ty}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{ty}' literal. Did you mean \"!=\"?")
                };
                self.warn(msg, &e.loc);
                return;
            }
            left_ok = right_ok;
            left_expr = right;
        }
    }

    /// `check_subscripter`: subscripting a literal that cannot be subscripted.
    fn check_subscripter(&mut self, e: &Expr) {
        use taipan_parser::ast::Constant as C;
        let warn = match &e.kind {
            ExprKind::Constant { value, .. } => matches!(
                value,
                C::None | C::Ellipsis | C::Int(_) | C::Bool(_) | C::Float(_) | C::Complex { .. }
            ),
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::TemplateStr { .. }
            | ExprKind::Interpolation { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if warn {
            let ty = crate::warnings::infer_type(e).unwrap_or("object");
            self.warn(
                format!("'{ty}' object is not subscriptable; perhaps you missed a comma?"),
                &e.loc,
            );
        }
    }

    /// `check_index`: indexing a sequence literal with a literal that is not an integer.
    fn check_index(&mut self, e: &Expr, s: &Expr) {
        use taipan_parser::ast::Constant as C;
        let Some(index_type) = crate::warnings::infer_type(s) else { return };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let warn = match &e.kind {
            ExprKind::Constant { value, .. } => {
                matches!(value, C::Str(_) | C::Bytes(_) | C::Tuple(_))
            }
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if warn {
            let ty = crate::warnings::infer_type(e).unwrap_or("object");
            self.warn(
                format!(
                    "{ty} indices must be integers or slices, not {index_type}; perhaps you \
                     missed a comma?"
                ),
                &e.loc,
            );
        }
    }

    pub fn slice_two_parts(&mut self, s: &'a Expr) -> CompileResult<()> {
        let ExprKind::Slice { lower, upper, .. } = &s.kind else { return Ok(()) };
        for part in [lower, upper] {
            match part {
                Some(x) => self.visit_expr(x)?,
                None => self.load_const(Const::None, loc_e(s)),
            }
        }
        Ok(())
    }

    /// `starunpack_helper_impl`: build a list/tuple/set from elements, some starred.
    #[allow(clippy::too_many_arguments)]
    pub fn starunpack_helper(
        &mut self,
        loc: Location,
        elts: &'a [Expr],
        injected_arg: Option<&str>,
        pushed: i32,
        build: u8,
        add: u8,
        extend: u8,
        tuple: bool,
    ) -> CompileResult<()> {
        let mut n = elts.len() as i32;
        let big = elts.len() + pushed as usize + usize::from(injected_arg.is_some())
            > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            if let Some(name) = injected_arg {
                self.nameop(name, ExprContext::Load, loc)?;
                n += 1;
            }
            let op = if tuple { BUILD_TUPLE } else { build };
            self.addop_i(op, n + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.addop_i(build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.addop_i(build, i as i32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1, loc);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.addop_i(add, 1, loc);
                }
            }
        }
        if let Some(name) = injected_arg {
            self.nameop(name, ExprContext::Load, loc)?;
            self.addop_i(add, 1, loc);
        }
        if tuple {
            self.addop_i(CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, loc: Location, elts: &'a [Expr]) -> CompileResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", loc));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", loc)
                    );
                }
                self.addop_i(UNPACK_EX, (i + ((n - i - 1) << 8)) as i32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n as i32, loc);
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        e: &'a Expr,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CompileResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let loc = loc_e(e);
        if big {
            self.addop_i(BUILD_MAP, 0, loc);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.addop_i(MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n as i32, loc);
        }
        Ok(())
    }

    fn codegen_dict(
        &mut self,
        e: &'a Expr,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> CompileResult<()> {
        let loc = loc_e(e);
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys.get(i).is_none_or(|k| k.is_none()) {
                if elements > 0 {
                    self.subdict(e, keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(e, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(e, keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    /// `_PyCompile_MaybeAddStaticAttributeToClass`: record `self.X = ...` in the nearest
    /// enclosing class.
    fn maybe_add_static_attribute(&mut self, e: &Expr) {
        let ExprKind::Attribute { value, attr, ctx: ExprContext::Store } = &e.kind else {
            return;
        };
        if !matches!(&value.kind, ExprKind::Name { id, .. } if &**id == "self") {
            return;
        }
        let n = self.units.len();
        for u in self.units[..n - 1].iter_mut().rev() {
            if u.scope_type == ScopeType::Class {
                if let Some(set) = &mut u.static_attributes
                    && !set.iter().any(|s| **s == **attr)
                {
                    set.push(attr.to_string());
                }
                break;
            }
        }
    }

    /// `can_optimize_super_call`: `Some(two_args)` when `super().x` / `super(a, b).x` can use
    /// `LOAD_SUPER_ATTR`.
    pub fn can_optimize_super_call(&mut self, attr: &Expr) -> Option<bool> {
        let ExprKind::Attribute { value, attr: name, .. } = &attr.kind else { return None };
        let ExprKind::Call { func, args, keywords } = &value.kind else { return None };
        let ExprKind::Name { id, .. } = &func.kind else { return None };
        if &**id != "super" || &**name == "__class__" || !keywords.is_empty() {
            return None;
        }
        if self.scope_of(id) != crate::symtable::Scope::GlobalImplicit as u32 {
            return None;
        }
        let top = self.st.entry(self.st.top);
        if top.symbols.get(id).is_some_and(|f| {
            (f >> crate::symtable::flags::SCOPE_OFFSET) & crate::symtable::flags::SCOPE_MASK != 0
        }) {
            return None;
        }
        if args.len() == 2 {
            if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })) {
                return None;
            }
            return Some(true);
        }
        if !args.is_empty() {
            return None;
        }
        let u = self.ur();
        if u.argcount == 0 && u.posonlyargcount == 0 {
            return None;
        }
        if self.scope_of("__class__") == crate::symtable::Scope::Free as u32 {
            return Some(false);
        }
        None
    }

    pub fn load_args_for_super(&mut self, call: &'a Expr) -> CompileResult<()> {
        let ExprKind::Call { func, args, .. } = &call.kind else { return Ok(()) };
        let ExprKind::Name { id, .. } = &func.kind else { return Ok(()) };
        self.nameop(id, ExprContext::Load, loc_e(func))?;
        if args.len() == 2 {
            self.visit_expr(&args[0])?;
            self.visit_expr(&args[1])?;
            return Ok(());
        }
        let loc = loc_e(call);
        self.nameop("__class__", ExprContext::Load, loc)?;
        let first = self.ur().varnames.names.first().cloned().unwrap_or_default();
        self.nameop(&first, ExprContext::Load, loc)?;
        Ok(())
    }
}

/// `CONVERT_VALUE`'s oparg for a conversion character.
fn conversion_arg(c: i32) -> i32 {
    match c {
        115 => 1,
        114 => 2,
        97 => 3,
        _ => 0,
    }
}
