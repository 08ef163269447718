using Modular.Modules.Dues.Domain;
using Modular.Modules.Dues.Rules;

namespace Modular.Tests.Dues;

/// <summary>The dues rules at their boundaries (DOMAIN.md, membership dues): rates, rounding, the year's amount, payments, arrears, sheets.</summary>
public sealed class DuesRuleTests
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    [Theory]
    [InlineData(2000, "0.005", "10.00")]
    [InlineData(3000, "0.005", "15.00")]
    [InlineData(3000.01, "0.01", "30.00")]
    [InlineData(5000, "0.01", "50.00")]
    [InlineData(5000.01, "0.015", "75.00")]
    [InlineData(10000, "0.015", "150.00")]
    [InlineData(10000.01, "0.02", "200.00")]
    [InlineData(12345.67, "0.02", "246.91")]
    public void Employed_rates_change_just_above_each_boundary(double monthlyBase, string rate, string amount)
    {
        var b = (decimal)monthlyBase;
        Assert.Equal(decimal.Parse(rate), DuesRates.Rate(DuesCategory.Employed, b));
        Assert.Equal(decimal.Parse(amount), DuesRates.Monthly(DuesCategory.Employed, b));
    }

    [Theory]
    [InlineData(3000, "0.005", "15.00")]
    [InlineData(5000, "0.005", "25.00")]
    [InlineData(5000.01, "0.01", "50.00")]
    [InlineData(8000, "0.01", "80.00")]
    public void Retirees_pay_half_a_percent_up_to_5000_and_one_percent_above(double pension, string rate, string amount)
    {
        var b = (decimal)pension;
        Assert.Equal(decimal.Parse(rate), DuesRates.Rate(DuesCategory.Retired, b));
        Assert.Equal(decimal.Parse(amount), DuesRates.Monthly(DuesCategory.Retired, b));
    }

    [Theory]
    [InlineData(DuesCategory.Student)]
    [InlineData(DuesCategory.Unemployed)]
    [InlineData(DuesCategory.Relief)]
    public void Students_the_unemployed_and_people_on_relief_pay_twenty_fen_whatever_their_income(DuesCategory category)
    {
        Assert.Equal(0.20m, DuesRates.Monthly(category, null));
        Assert.Equal(0.20m, DuesRates.Monthly(category, 20000m));
        Assert.False(DuesRates.HasBase(category));
    }

    [Fact]
    public void Amounts_are_rounded_to_the_fen_half_away_from_zero()
    {
        // 3333.50 × 1 % = 33.335 → 33.34 (banker's rounding would give 33.34 too; 3332.50 × 1 % = 33.325 tells them apart).
        Assert.Equal(33.34m, DuesRates.Monthly(DuesCategory.Employed, 3333.50m));
        Assert.Equal(33.33m, DuesRates.Monthly(DuesCategory.Employed, 3332.50m));
        Assert.Equal(30.01m, DuesRates.Monthly(DuesCategory.Employed, 3001m));
        Assert.Equal(100.01m, DuesRates.Monthly(DuesCategory.Employed, 6667.33m));
    }

    [Fact]
    public void The_amount_is_fixed_for_the_year_and_a_base_change_goes_to_next_year()
    {
        var today = new DateOnly(2026, 5, 13);
        Assert.Equal(2026, BaseRules.DefaultYear(today, hasBaseThisYear: false));
        Assert.Equal(2027, BaseRules.DefaultYear(today, hasBaseThisYear: true));
        var change = BaseRules.Check(new BaseLine(2026, DuesCategory.Employed, 6000m), [2026], today);
        Assert.Equal("Year", Assert.Single(change).Field);
        Assert.Empty(BaseRules.Check(new BaseLine(2027, DuesCategory.Employed, 6000m), [2026], today));
        // Next year's base can still change before that year starts; last year's is filled in only when missing.
        Assert.Empty(BaseRules.Check(new BaseLine(2027, DuesCategory.Employed, 6500m), [2026, 2027], today));
        Assert.Empty(BaseRules.Check(new BaseLine(2025, DuesCategory.Employed, 6000m), [2026], today));
        Assert.Single(BaseRules.Check(new BaseLine(2025, DuesCategory.Employed, 6000m), [2025, 2026], today));
        Assert.Single(BaseRules.Check(new BaseLine(2024, DuesCategory.Employed, 6000m), [], today));
        // The schedule owes the 2026 amount all through 2026, the 2027 one from January 2027.
        var schedule = new DuesSchedule([new YearAmount(2026, 60m), new YearAmount(2027, 90m)], [], new DateOnly(2010, 7, 1));
        Assert.Equal(60m, schedule.Owed(M(2026, 12)));
        Assert.Equal(90m, schedule.Owed(M(2027, 1)));
        Assert.Null(schedule.Owed(M(2025, 12)));
    }

    [Theory]
    [InlineData(null, "Enter the monthly base in yuan (after-tax fixed pay, or the pension).")]
    [InlineData(0.0, "Enter a base above 0 and at most {0:0} yuan.")]
    [InlineData(500000.01, "Enter a base above 0 and at most {0:0} yuan.")]
    [InlineData(3000.001, "Enter the amount in yuan with at most two decimals.")]
    public void A_base_is_given_positive_bounded_and_to_the_fen(double? value, string message) =>
        Assert.Equal(message, Assert.Single(BaseRules.Check(new BaseLine(2026, DuesCategory.Employed, (decimal?)value), [], new DateOnly(2026, 5, 13))).Message);

    [Fact]
    public void Hardship_needs_the_branch_the_higher_committee_and_a_reason()
    {
        var today = new DateOnly(2026, 5, 13);
        var ok = new HardshipLine(HardshipKind.Reduced, M(2026, 3), 10m, "重病", today.AddDays(-20), today.AddDays(-5), "机关党委");
        Assert.Empty(BaseRules.CheckHardship(ok, 2026, 60m, today));
        Assert.Contains(BaseRules.CheckHardship(ok with { ReducedAmount = 60m }, 2026, 60m, today), p => p.Field == "ReducedAmount");
        Assert.Contains(BaseRules.CheckHardship(ok with { Reason = " " }, 2026, 60m, today), p => p.Field == "Reason");
        Assert.Contains(BaseRules.CheckHardship(ok with { ApprovedOn = today.AddDays(-30) }, 2026, 60m, today), p => p.Field == "ApprovedOn");
        Assert.Contains(BaseRules.CheckHardship(ok with { BranchAgreedOn = null }, 2026, 60m, today), p => p.Field == "BranchAgreedOn");
        Assert.Contains(BaseRules.CheckHardship(ok with { FromMonth = M(2025, 12) }, 2026, 60m, today), p => p.Field == "FromMonth");
        Assert.Empty(BaseRules.CheckHardship(ok with { Kind = HardshipKind.Exempt, ReducedAmount = null }, 2026, 60m, today));
        var schedule = new DuesSchedule([new YearAmount(2026, 60m)], [new HardshipTerm(2026, M(2026, 3), HardshipKind.Exempt, null)], null);
        Assert.Equal(60m, schedule.Owed(M(2026, 2)));
        Assert.Equal(0m, schedule.Owed(M(2026, 3)));
    }

    private static readonly DuesSchedule Sixty = new([new YearAmount(2025, 50m), new YearAmount(2026, 60m)], [], new DateOnly(2015, 7, 1));
    private static PaymentLine Pay(DateOnly on, DateOnly first, int count, decimal amount, PaymentMode mode = PaymentMode.Monthly, DateOnly? approved = null, string? proxy = null) =>
        new(on, first, count, amount, mode, PaymentChannel.Cash, approved, proxy);

    [Fact]
    public void Back_payment_reaches_six_months_before_the_month_of_payment_and_no_further()
    {
        var today = new DateOnly(2026, 5, 13);
        // Paid on 13 May 2026: November 2025 is six months back, October seven.
        Assert.Empty(PaymentRules.Check(Pay(today, M(2025, 11), 2, 100m), Sixty, new HashSet<DateOnly>(), today));
        var seven = Assert.Single(PaymentRules.Check(Pay(today, M(2025, 10), 1, 50m), Sixty, new HashSet<DateOnly>(), today));
        Assert.Equal("FirstMonth", seven.Field);
        Assert.Equal("2025-11", seven.Args[2]);
        // Recorded on the last day of a month, the window is that month's.
        Assert.Empty(PaymentRules.Check(Pay(new DateOnly(2026, 4, 30), M(2025, 10), 1, 50m), Sixty, new HashSet<DateOnly>(), today));
    }

    [Fact]
    public void Payments_are_in_full_once_per_month_and_paying_ahead_needs_quarterly_approval()
    {
        var today = new DateOnly(2026, 5, 13);
        var none = new HashSet<DateOnly>();
        Assert.Equal("Amount", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 4), 2, 100m), Sixty, none, today)).Field);
        Assert.Equal("FirstMonth", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 4), 1, 60m), Sixty, new HashSet<DateOnly> { M(2026, 4) }, today)).Field);
        // June is ahead: monthly refuses it; quarterly needs the branch's approval and stops at the quarter's end.
        Assert.Equal("MonthCount", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 5), 2, 120m), Sixty, none, today)).Field);
        Assert.Equal("ApprovedOn", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 4), 3, 180m, PaymentMode.Quarterly), Sixty, none, today)).Field);
        Assert.Empty(PaymentRules.Check(Pay(today, M(2026, 4), 3, 180m, PaymentMode.Quarterly, today.AddDays(-3)), Sixty, none, today));
        Assert.Equal("MonthCount", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 5), 3, 180m, PaymentMode.Quarterly, today), Sixty, none, today)).Field);
        Assert.Equal("ProxyName", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 5), 1, 60m, PaymentMode.Proxy, today), Sixty, none, today)).Field);
        Assert.Empty(PaymentRules.Check(Pay(today, M(2026, 5), 1, 60m, PaymentMode.Proxy, today, "李某（配偶）"), Sixty, none, today));
        // Across the year boundary, each month at its own year's amount.
        Assert.Empty(PaymentRules.Check(Pay(today, M(2025, 12), 2, 110m), Sixty, none, today));
        Assert.Equal("PaidOn", Assert.Single(PaymentRules.Check(Pay(today.AddDays(1), M(2026, 5), 1, 60m), Sixty, none, today)).Field);
    }

    [Fact]
    public void Nothing_is_paid_before_admission_or_for_a_year_without_a_base()
    {
        var today = new DateOnly(2026, 5, 13);
        var joined = new DuesSchedule([new YearAmount(2026, 60m)], [], new DateOnly(2026, 3, 20));
        Assert.Equal("Dues are owed from the month of admission, {0}.", Assert.Single(PaymentRules.Check(Pay(today, M(2026, 2), 1, 60m), joined, new HashSet<DateOnly>(), today)).Message);
        Assert.Empty(PaymentRules.Check(Pay(today, M(2026, 3), 1, 60m), joined, new HashSet<DateOnly>(), today));
        var noBase = new DuesSchedule([new YearAmount(2026, 60m)], [], null);
        Assert.Contains("No dues base", Assert.Single(PaymentRules.Check(Pay(today, M(2025, 12), 1, 60m), noBase, new HashSet<DateOnly>(), today)).Message);
    }

    [Fact]
    public void Arrears_warn_at_three_months_and_flag_six_in_a_row_unless_there_is_good_reason()
    {
        var schedule = new DuesSchedule([new YearAmount(2026, 60m)], [], new DateOnly(2015, 7, 1));
        HashSet<DateOnly> PaidUpTo(int month) => Months.From(M(2026, 1), M(2026, month)).ToHashSet();
        // On 13 May the months owed are January to April (May can still be paid in May).
        var upToDate = ArrearsRules.Assess(schedule, PaidUpTo(4), new DateOnly(2026, 5, 13));
        Assert.Equal(ArrearsLevel.None, upToDate.Level);
        Assert.Equal(M(2026, 4), upToDate.PaidThrough);
        Assert.Equal(ArrearsLevel.Behind, ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 5, 13)).Level);
        Assert.Equal(ArrearsLevel.Behind, ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 5, 31)).Level);
        var three = ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 6, 1));
        Assert.Equal(ArrearsLevel.Warning, three.Level);
        Assert.Equal([M(2026, 3), M(2026, 4), M(2026, 5)], three.Unpaid);
        Assert.Equal(M(2026, 2), three.PaidThrough);
        // Nothing paid since February: on 31 August five months in a row, on 1 September six.
        Assert.Equal(ArrearsLevel.Warning, ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 8, 31)).Level);
        var six = ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 9, 1));
        Assert.Equal(ArrearsLevel.Flagged, six.Level);
        Assert.Equal(6, six.Consecutive);
        Assert.Equal(ArrearsLevel.Warning, ArrearsRules.Assess(schedule, PaidUpTo(2), new DateOnly(2026, 9, 1), goodReason: true).Level);
        // Five unpaid, none in a row: warned, not flagged.
        var gaps = new HashSet<DateOnly> { M(2026, 2), M(2026, 4), M(2026, 6), M(2026, 8) };
        var scattered = ArrearsRules.Assess(schedule, gaps, new DateOnly(2026, 10, 1));
        Assert.Equal(5, scattered.UnpaidCount);
        Assert.Equal(ArrearsLevel.Warning, scattered.Level);
        Assert.Null(scattered.PaidThrough);
    }

    [Fact]
    public void Exempt_months_are_neither_owed_nor_break_the_paid_through_month()
    {
        var schedule = new DuesSchedule([new YearAmount(2026, 60m)], [new HardshipTerm(2026, M(2026, 3), HardshipKind.Exempt, null)], null);
        var state = ArrearsRules.Assess(schedule, new HashSet<DateOnly> { M(2026, 1), M(2026, 2) }, new DateOnly(2026, 9, 1));
        Assert.Equal(ArrearsLevel.None, state.Level);
        Assert.Equal(M(2026, 9), state.PaidThrough);
        // Paid ahead: paid-through runs past the current month.
        var ahead = ArrearsRules.Assess(Sixty, Months.From(M(2025, 1), M(2026, 6)).ToHashSet(), new DateOnly(2026, 5, 13));
        Assert.Equal(M(2026, 6), ahead.PaidThrough);
    }

    private static readonly SheetMember[] Roster = [new(1, "张三"), new(2, "李四"), new(3, "王五"), new(4, "王五")];

    private static Dictionary<string, object?> Row(object? number, object? name, object? category, object? value) =>
        new() { [BaseSheet.Number] = number, [BaseSheet.Name] = name, [BaseSheet.Category] = category, [BaseSheet.Base] = value };

    [Fact]
    public void A_bases_sheet_reports_every_problem_by_row_and_column_and_gives_no_rows_then()
    {
        var today = new DateOnly(2026, 5, 13);
        var rows = new List<IDictionary<string, object?>>
        {
            Row(null, "张三", "在职", 6500m),
            Row(null, "王五", "在职", 6500m),          // two members of that name
            Row(null, "赵六", "在职", 6500m),          // nobody of that name
            Row("3", null, "干部", 6500m),              // no such category
            Row("1", null, "离退休", "abc"),            // Zhang San again, and no number
            Row(null, "李四", "学生", null),
        };
        var (good, problems) = BaseSheet.Check(rows, Roster, new Dictionary<int, IReadOnlyCollection<int>>(), 2026, today);
        Assert.Equal([(3, BaseSheet.Name), (4, BaseSheet.Name), (5, BaseSheet.Category), (6, BaseSheet.Name), (6, BaseSheet.Base)], problems.Select(p => (p.Row, p.Column)).ToList());
        var ok = BaseSheet.Check([rows[0], rows[5]], Roster, new Dictionary<int, IReadOnlyCollection<int>>(), 2026, today);
        Assert.Empty(ok.Problems);
        Assert.Equal([(1, DuesCategory.Employed, (decimal?)6500m), (2, DuesCategory.Student, null)], ok.Rows.Select(r => (r.MemberId, r.Category, r.Base)).ToList());
        // A base for this year already recorded: the amount is fixed.
        var fixedYear = BaseSheet.Check([rows[0]], Roster, new Dictionary<int, IReadOnlyCollection<int>> { [1] = [2026] }, 2026, today);
        Assert.Equal((2, BaseSheet.Name), (Assert.Single(fixedYear.Problems).Row, fixedYear.Problems[0].Column));
    }

    [Fact]
    public void A_statement_line_matches_the_oldest_unpaid_months_that_add_up_to_it()
    {
        var schedule = new DuesSchedule([new YearAmount(2026, 60m)], [], null);
        var paid = Months.From(M(2026, 1), M(2026, 2)).ToHashSet();
        var on = new DateOnly(2026, 5, 8);
        Assert.Equal([M(2026, 3)], StatementSheet.Match(60m, on, schedule, paid));
        Assert.Equal([M(2026, 3), M(2026, 4), M(2026, 5)], StatementSheet.Match(180m, on, schedule, paid));
        Assert.Null(StatementSheet.Match(70m, on, schedule, paid));
        Assert.Null(StatementSheet.Match(240m, on, schedule, paid)); // June would be ahead
        // The oldest unpaid month comes first: with November owed, 60 yuan is not March's.
        Assert.Null(StatementSheet.Match(60m, on, Sixty, paid));
        var lines = StatementSheet.Read([
            new Dictionary<string, object?> { [StatementSheet.Name] = "张三", [StatementSheet.Amount] = 60m, [StatementSheet.Date] = "2026-05-08" },
            new Dictionary<string, object?> { [StatementSheet.Number] = "99", [StatementSheet.Amount] = 60m, [StatementSheet.Date] = "2026-05-08" },
            new Dictionary<string, object?> { [StatementSheet.Name] = "李四", [StatementSheet.Amount] = "六十", [StatementSheet.Date] = "昨天" },
        ], Roster);
        Assert.Null(lines[0].Problem);
        Assert.Equal((3, StatementSheet.Number), (lines[1].Problem!.Row, lines[1].Problem!.Column));
        Assert.Equal(StatementSheet.Amount, lines[2].Problem!.Column);
    }
}
