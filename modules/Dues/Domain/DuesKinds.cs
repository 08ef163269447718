namespace Modular.Modules.Dues.Domain;

/// <summary>Which rate applies to a member (DOMAIN.md, membership dues).</summary>
public enum DuesCategory
{
    /// <summary>在职: on after-tax fixed monthly pay, 0.5 % to 2 %.</summary>
    Employed = 0,
    /// <summary>离退休: on the total pension, 0.5 % or 1 %.</summary>
    Retired = 1,
    /// <summary>学生: 0.2 yuan a month.</summary>
    Student = 2,
    /// <summary>下岗失业: 0.2 yuan a month.</summary>
    Unemployed = 3,
    /// <summary>依靠救济或低保: 0.2 yuan a month.</summary>
    Relief = 4,
}

/// <summary>A hardship decision: a lower amount, or nothing due.</summary>
public enum HardshipKind
{
    /// <summary>减交.</summary>
    Reduced = 0,
    /// <summary>免交.</summary>
    Exempt = 1,
}

/// <summary>How a payment was made: monthly by the member, or (with the branch's approval) quarterly or by someone else.</summary>
public enum PaymentMode
{
    /// <summary>按月交纳.</summary>
    Monthly = 0,
    /// <summary>按季度交纳 (branch approval).</summary>
    Quarterly = 1,
    /// <summary>代缴 (branch approval; who paid is recorded).</summary>
    Proxy = 2,
}

/// <summary>The channel the money came through (no online payment yet; kept for later).</summary>
public enum PaymentChannel
{
    /// <summary>现金.</summary>
    Cash = 0,
    /// <summary>银行转账.</summary>
    Bank = 1,
    /// <summary>微信.</summary>
    WeChat = 2,
    /// <summary>支付宝.</summary>
    Alipay = 3,
    /// <summary>工资代扣.</summary>
    Payroll = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

/// <summary>What happened to collected money.</summary>
public enum UseKind
{
    /// <summary>上缴上级党委.</summary>
    HandedUp = 0,
    /// <summary>按规定留存使用 (kept and used by the agency, e.g. for members' education).</summary>
    Kept = 1,
}

/// <summary>Labels of the kinds, as resource keys (English; the Chinese is in the resources).</summary>
public static class DuesLabels
{
    public static string Category(DuesCategory c) => c switch
    {
        DuesCategory.Employed => "Employed",
        DuesCategory.Retired => "Retired",
        DuesCategory.Student => "Student",
        DuesCategory.Unemployed => "Unemployed",
        _ => "On relief or subsistence allowance",
    };

    public static string Hardship(HardshipKind k) => k == HardshipKind.Exempt ? "Exempt" : "Reduced";

    public static string Mode(PaymentMode m) => m switch
    {
        PaymentMode.Quarterly => "Quarterly",
        PaymentMode.Proxy => "By proxy",
        _ => "Monthly",
    };

    public static string Channel(PaymentChannel c) => c switch
    {
        PaymentChannel.Cash => "Cash",
        PaymentChannel.Bank => "Bank transfer",
        PaymentChannel.WeChat => "WeChat",
        PaymentChannel.Alipay => "Alipay",
        PaymentChannel.Payroll => "Payroll deduction",
        _ => "Other",
    };

    public static string Use(UseKind k) => k == UseKind.HandedUp ? "Handed up to the higher committee" : "Kept and used";
}
