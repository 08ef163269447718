namespace Modular.Sdk;

/// <summary>
/// A document in the official layout (公文格式), described by its content alone: the host renders it as Word (.docx) with
/// A4 pages, standard margins and Chinese fonts (<see cref="IWordDocuments"/>), so letters, forms, notices and reports of
/// every module look alike. Build it with the methods, which return the document for chaining.
/// </summary>
public sealed class WordDocument
{
    /// <summary>A document with a centred title (e.g. 机关党委2026年5月工作月报).</summary>
    public WordDocument(string title) => Title = title;

    /// <summary>The centred title at the top.</summary>
    public string Title { get; }
    /// <summary>A line under the title (e.g. the issuing organisation and the period), if any.</summary>
    public string? Subtitle { get; set; }
    /// <summary>The content under the title, in order.</summary>
    public List<DocumentBlock> Blocks { get; } = [];

    /// <summary>Adds a heading: level 1 (一、…) in 黑体, level 2 (（一）…) in 楷体.</summary>
    public WordDocument Heading(string text, int level = 1) => Add(new DocumentHeading(text, level));
    /// <summary>Adds a body paragraph in 仿宋, first line indented by two characters.</summary>
    public WordDocument Paragraph(string text) => Add(new DocumentParagraph(text));
    /// <summary>Adds a table with a header row.</summary>
    public WordDocument Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) => Add(new DocumentTable(columns, rows.ToList()));
    /// <summary>Adds the signature block at the right: the signer (organisation or person) and the date under it.</summary>
    public WordDocument Signature(string signer, DateOnly? date) => Add(new DocumentSignature(signer, date));
    /// <summary>Adds a line to fill in by hand (e.g. 签字：＿＿＿＿　日期：＿＿＿＿), right-aligned.</summary>
    public WordDocument SignatureLine(string label) => Add(new DocumentSignatureLine(label));
    /// <summary>Starts a new page.</summary>
    public WordDocument PageBreak() => Add(new DocumentPageBreak());

    /// <summary>Adds any block.</summary>
    public WordDocument Add(DocumentBlock block)
    {
        Blocks.Add(block);
        return this;
    }
}

/// <summary>One block of a <see cref="WordDocument"/>.</summary>
public abstract record DocumentBlock;

/// <summary>A heading.</summary>
/// <param name="Text">Its text, numbered by the caller (一、 / （一）).</param>
/// <param name="Level">1 or 2.</param>
public sealed record DocumentHeading(string Text, int Level = 1) : DocumentBlock;

/// <summary>A body paragraph.</summary>
/// <param name="Text">Its text; line breaks start new lines within the paragraph.</param>
public sealed record DocumentParagraph(string Text) : DocumentBlock;

/// <summary>A table with a header row.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows, one text per column (missing cells stay empty).</param>
public sealed record DocumentTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>The signature block: signer and date (2026年5月13日), right-aligned.</summary>
/// <param name="Signer">The organisation or person signing.</param>
/// <param name="Date">The date written under it, if any.</param>
public sealed record DocumentSignature(string Signer, DateOnly? Date) : DocumentBlock;

/// <summary>A right-aligned line to fill in by hand.</summary>
/// <param name="Label">The line's text, with its blanks (签字：＿＿＿＿).</param>
public sealed record DocumentSignatureLine(string Label) : DocumentBlock;

/// <summary>A page break.</summary>
public sealed record DocumentPageBreak : DocumentBlock;

/// <summary>Renders <see cref="WordDocument"/>s; provided by the host, asked for by modules through dependency injection.</summary>
public interface IWordDocuments
{
    /// <summary>The document as a Word file (.docx).</summary>
    byte[] Render(WordDocument document);
}

/// <summary>Names and types of Office files, for downloads.</summary>
public static class OfficeFiles
{
    /// <summary>The content type of a .docx file.</summary>
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /// <summary>The content type of a .xlsx file.</summary>
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
