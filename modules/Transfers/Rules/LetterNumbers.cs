namespace Modular.Modules.Transfers.Rules;

/// <summary>Introduction letters are numbered per agency and year from 1: 〔2026〕007号.</summary>
public static class LetterNumbers
{
    /// <summary>The next number of a year whose letters already carry <paramref name="used"/> (1 for the first).</summary>
    public static int Next(IEnumerable<int> used) => used.DefaultIfEmpty(0).Max() + 1;

    /// <summary>The number as printed: 〔year〕sequence号, the sequence with at least three digits.</summary>
    public static string Format(int year, int sequence) => $"〔{year}〕{sequence:000}号";
}
