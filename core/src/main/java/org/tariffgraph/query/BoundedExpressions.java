package org.tariffgraph.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction0;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunction3;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.library.FN_StrReplace;
import org.apache.jena.sparql.function.library.Math_pow;
import org.apache.jena.sparql.function.library.sprintf;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Bounds the strings and numbers a query's expressions build, so that neither one value nor
 * all of a query's values together can take the heap. A row limit cannot do this: seventeen
 * {@code BIND(CONCAT(?a, ?a) AS ?b)} make one value of megabytes before a row is counted.
 *
 * <p>It is installed as the optimizer of an execution context. After Jena's own optimization
 * every function call in the algebra (in FILTER, BIND, projections, aggregates, ORDER BY,
 * GROUP BY and HAVING alike) is wrapped, so that each value is measured when it is made:
 * one longer than {@link AnswerLimits#maxStringLength()}, or more characters built in all than
 * {@link AnswerLimits#maxBuiltCharacters()}, stops the query with a
 * {@link StringTooLongException}. The values that aggregates keep (GROUP_CONCAT, and the sets
 * of DISTINCT) count towards the total as they are taken in.
 *
 * <p>Measuring a value once it is made leaves the calls that make values far longer than
 * their arguments; these are checked before they run: CONCAT and every function named by an
 * IRI ({@code fn:concat}, {@code afn:strjoin}...) by the length of their arguments together,
 * REPLACE by the length its result would have, {@code afn:sprintf} by the widths of its
 * format, and {@code math:pow} by the digits of its result.
 */
final class BoundedExpressions {

    private static final Symbol BUDGET = Symbol.create(BoundedExpressions.class.getName() + ".budget");
    private static final Symbol LIMITS = Symbol.create(BoundedExpressions.class.getName() + ".limits");
    /** What a kept aggregate value costs beyond its characters: its entry in a set or list. */
    private static final long KEPT_VALUE_COST = 16;
    private static final double DIGITS_PER_BIT = Math.log10(2);
    private static final Pattern FORMAT_WIDTHS = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?");

    private BoundedExpressions() {}

    /** Makes queries run in {@code context} bound what their expressions build. */
    static void install(Context context, AnswerLimits limits) {
        Object current = context.get(ARQConstants.sysOptimizerFactory);
        RewriteFactory base = current instanceof Rewriting bounded ? bounded.base
                : current instanceof RewriteFactory factory ? factory : Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, new Rewriting(base, limits));
        context.set(LIMITS, limits);
    }

    /** A function factory whose functions are checked before and after they run. */
    static FunctionFactory bounded(FunctionFactory factory) {
        return uri -> new BoundedFunction(factory.create(uri));
    }

    /** Jena's optimizer, then the bounds; one budget per execution, kept in its context for functions named by IRI. */
    private record Rewriting(RewriteFactory base, AnswerLimits limits) implements RewriteFactory {
        @Override
        public Rewrite create(Context context) {
            Rewrite optimizer = base.create(context);
            Budget budget = new Budget(limits);
            context.set(BUDGET, budget);
            return op -> Transformer.transformSkipService(new Aggregates(budget), new Calls(budget), optimizer.rewrite(op));
        }
    }

    /** The budget of the execution a function runs in. */
    private static Budget budget(FunctionEnv env) {
        Context context = env == null ? null : env.getContext();
        Budget budget = context == null ? null : context.get(BUDGET);
        if (budget != null) {
            return budget;
        }
        AnswerLimits limits = context == null ? null : context.get(LIMITS);
        return new Budget(limits != null ? limits : AnswerLimits.defaults());
    }

    /** The characters one execution has built, against its limits. Used by the one thread that runs the execution. */
    static final class Budget {
        private final long maxLength;
        private final long maxTotal;
        private long total;

        Budget(AnswerLimits limits) {
            this.maxLength = limits.maxStringLength();
            this.maxTotal = limits.maxBuiltCharacters();
        }

        /** Measures a value just made. */
        void made(NodeValue value) {
            long size = size(value);
            if (size > maxLength) {
                throw StringTooLongException.oneString(maxLength);
            }
            add(size);
        }

        /** Counts a value an aggregate keeps. */
        void kept(NodeValue value, long extra) {
            add(size(value) + extra);
        }

        /** Refuses a call whose result could be as long as {@code length} before it runs. */
        void wouldMake(long length) {
            if (length > maxLength) {
                throw StringTooLongException.oneString(maxLength);
            }
        }

        private void add(long size) {
            total += size;
            if (total > maxTotal) {
                throw StringTooLongException.allStrings(maxTotal);
            }
        }
    }

    /** The length of a value: characters of a string, IRI or other literal, digits of a number. */
    static long size(NodeValue value) {
        if (value == null) {
            return 0;
        }
        if (value.isInteger()) {
            return (long) (value.getInteger().bitLength() * DIGITS_PER_BIT) + 1;
        }
        if (value.isDecimal()) {
            BigDecimal decimal = value.getDecimal();
            return decimal.precision() + Math.abs((long) decimal.scale());
        }
        if (value.isString() || value.isLangString()) {
            return value.getString().length();
        }
        return value.hasNode() ? size(value.getNode()) : 0;
    }

    private static long size(Node node) {
        if (node == null) {
            return 0;
        }
        if (node.isURI()) {
            return node.getURI().length();
        }
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm().length();
        }
        if (node.isTripleTerm()) {
            var t = node.getTriple();
            return size(t.getSubject()) + size(t.getPredicate()) + size(t.getObject());
        }
        return 0;
    }

    /** Wraps every function call, and replaces the built-in calls that are checked before they run. */
    private static final class Calls extends ExprTransformCopy {
        private final Budget budget;

        Calls(Budget budget) {
            this.budget = budget;
        }

        @Override
        public Expr transform(ExprFunction0 func) {
            return measured(super.transform(func));
        }

        @Override
        public Expr transform(ExprFunction1 func, Expr expr1) {
            if (func instanceof Measured || func instanceof Kept) {
                return super.transform(func, expr1);
            }
            return measured(super.transform(func, expr1));
        }

        @Override
        public Expr transform(ExprFunction2 func, Expr expr1, Expr expr2) {
            return measured(super.transform(func, expr1, expr2));
        }

        @Override
        public Expr transform(ExprFunction3 func, Expr expr1, Expr expr2, Expr expr3) {
            return measured(super.transform(func, expr1, expr2, expr3));
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            Expr call;
            if (func instanceof E_StrConcat && !(func instanceof Concat)) {
                call = new Concat(args, budget);
            } else if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                call = new Replace(args, budget);
            } else {
                call = super.transform(func, args);
            }
            return measured(call);
        }

        private Expr measured(Expr expr) {
            return expr instanceof Measured || !expr.isFunction() ? expr : new Measured(expr, budget);
        }
    }

    /** Counts what retaining aggregates keep; the cheap ones (COUNT, SUM, MIN...) keep nothing but a total. */
    private static final class Aggregates extends TransformCopy {
        private final Budget budget;

        Aggregates(Budget budget) {
            this.budget = budget;
        }

        @Override
        public Op transform(OpGroup op, Op sub) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            boolean changed = false;
            for (ExprAggregator aggregator : op.getAggregators()) {
                Aggregator agg = aggregator.getAggregator();
                ExprList exprs = agg.getExprList();
                if (exprs == null || exprs.isEmpty() || !keepsValues(agg) || exprs.get(0) instanceof Kept) {
                    aggregators.add(aggregator);
                    continue;
                }
                long extra = agg instanceof AggGroupConcat concat ? separator(concat.getSeparator())
                        : agg instanceof AggGroupConcatDistinct concat ? separator(concat.getSeparator()) : KEPT_VALUE_COST;
                ExprList kept = new ExprList();
                exprs.forEach(e -> kept.add(new Kept(e, extra, budget)));
                aggregators.add(new ExprAggregator(aggregator.getVar(), agg.copy(kept)));
                changed = true;
            }
            return changed ? OpGroup.create(sub, op.getGroupVars(), aggregators) : super.transform(op, sub);
        }

        private static boolean keepsValues(Aggregator agg) {
            boolean totalOnly = agg instanceof AggCount || agg instanceof AggCountVar || agg instanceof AggSum || agg instanceof AggAvg
                    || agg instanceof AggMin || agg instanceof AggMax || agg instanceof AggSample;
            return !totalOnly;
        }

        private static long separator(String separator) {
            return separator == null ? 1 : separator.length();
        }
    }

    /** A function call whose value is measured as soon as it is made. */
    private static final class Measured extends ExprFunction1 {
        private final Budget budget;

        Measured(Expr call, Budget budget) {
            super(call, "measured");
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue value, FunctionEnv env) {
            budget.made(value);
            return value;
        }

        @Override
        public NodeValue eval(NodeValue value) {
            budget.made(value);
            return value;
        }

        @Override
        public Expr copy(Expr expr) {
            return new Measured(expr, budget);
        }
    }

    /** A value an aggregate takes in and keeps, counted with what keeping it costs. */
    private static final class Kept extends ExprFunction1 {
        private final long extra;
        private final Budget budget;

        Kept(Expr expr, long extra, Budget budget) {
            super(expr, "kept");
            this.extra = extra;
            this.budget = budget;
        }

        @Override
        public NodeValue eval(NodeValue value, FunctionEnv env) {
            budget.kept(value, extra);
            return value;
        }

        @Override
        public NodeValue eval(NodeValue value) {
            budget.kept(value, extra);
            return value;
        }

        @Override
        public Expr copy(Expr expr) {
            return new Kept(expr, extra, budget);
        }
    }

    /** CONCAT, refused before it runs when its arguments together are longer than one string may be. */
    private static final class Concat extends E_StrConcat {
        private final Budget budget;

        Concat(ExprList args, Budget budget) {
            super(args);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            budget.wouldMake(args.stream().mapToLong(BoundedExpressions::size).sum());
            return super.eval(args, env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs, budget);
        }
    }

    /** REPLACE, refused before it runs when its result would be longer than one string may be. */
    private static final class Replace extends E_StrReplace {
        private final Budget budget;

        Replace(ExprList args, Budget budget) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.budget = budget;
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            budget.wouldMake(replacedLength(args, budget.maxLength));
            return super.eval(args, env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs, budget);
        }
    }

    /**
     * At least the length of {@code replace(input, pattern, replacement, flags)}, counting each
     * group reference in the replacement as the whole match; stops counting past {@code limit}.
     * Zero when the arguments are not strings: the function itself reports that.
     */
    static long replacedLength(List<NodeValue> args, long limit) {
        if (args.size() < 3 || args.subList(0, 3).stream().anyMatch(a -> !a.isString() && !a.isLangString())) {
            return 0;
        }
        String input = args.get(0).getString();
        String replacement = args.get(2).getString();
        String flags = args.size() > 3 && args.get(3) != null && args.get(3).isString() ? args.get(3).getString() : null;
        Pattern pattern;
        try {
            pattern = RegexEngine.makePattern("replace", args.get(1).getString(), flags);
        } catch (ExprEvalException | PatternSyntaxException e) {
            return 0;
        }
        long references = replacement.chars().filter(c -> c == '$').count();
        long length = input.length();
        Matcher matcher = pattern.matcher(input);
        boolean first = true;
        while (matcher.find() && length <= limit) {
            long matched = matcher.end() - matcher.start();
            if (matched == 0 && !first) {
                continue;
            }
            first = false;
            length += replacement.length() + references * matched - matched;
        }
        return length;
    }

    /** A function named by an IRI, checked before it runs; its value is measured where it is called (see {@link Calls}). */
    private static final class BoundedFunction implements Function {
        private final Function function;

        BoundedFunction(Function function) {
            this.function = function;
        }

        @Override
        public void build(String uri, ExprList args, Context context) {
            function.build(uri, args, context);
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            if (!(function instanceof FunctionBase)) {
                return function.exec(binding, args, uri, env);
            }
            Budget budget = budget(env);
            // Evaluate the arguments here, once, to check them; the function gets them as constants.
            List<NodeValue> values = new ArrayList<>();
            ExprList constants = new ExprList();
            long length = 0;
            for (Expr arg : args) {
                NodeValue value = arg.eval(binding, env);
                length += size(value);
                budget.wouldMake(length);
                values.add(value);
                constants.add(value);
            }
            budget.wouldMake(likelyLength(values, budget.maxLength));
            return function.exec(binding, constants, uri, env);
        }

        /** What the functions that can make far more than they are given would make; zero for the others. */
        private long likelyLength(List<NodeValue> args, long limit) {
            if (function instanceof FN_StrReplace) {
                return replacedLength(args, limit);
            }
            if (function instanceof sprintf && !args.isEmpty() && args.get(0).isString()) {
                long length = args.get(0).getString().length() + args.stream().mapToLong(BoundedExpressions::size).sum();
                Matcher widths = FORMAT_WIDTHS.matcher(args.get(0).getString());
                while (widths.find()) {
                    length += number(widths.group(1)) + number(widths.group(2));
                }
                return length;
            }
            if (function instanceof Math_pow && args.size() == 2 && args.get(0).isInteger() && args.get(1).isInteger()
                    && args.get(0).getInteger().abs().bitLength() > 1 && args.get(1).getInteger().signum() > 0) {
                double digits = args.get(0).getInteger().abs().bitLength() * DIGITS_PER_BIT * args.get(1).getInteger().doubleValue();
                return digits > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : (long) digits;
            }
            return 0;
        }

        private static long number(String digits) {
            if (digits == null) {
                return 0;
            }
            return digits.length() > 12 ? Long.MAX_VALUE / 4 : Long.parseLong(digits);
        }
    }
}
