using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Sdk;

namespace Modular.Host.Reports;

/// <summary>
/// Writes a <see cref="WordDocument"/> as .docx in the layout of official documents (GB/T 9704): A4, margins 37/35/28/26 mm,
/// title in 宋体 22 pt bold, headings in 黑体 and 楷体 16 pt, body in 仿宋 16 pt on a fixed 28 pt line with a two-character
/// indent, tables in 宋体 12 pt, the page number centred in the footer. Fonts are named, not embedded: Word on the users'
/// machines has them.
/// </summary>
public sealed class WordRenderer : IWordDocuments
{
    private const string Latin = "Times New Roman";
    // Twips: 1 mm = 56.7; A4 is 210 × 297 mm.
    private const uint PageWidth = 11906, PageHeight = 16838;
    private const int TextWidth = 11906 - 1588 - 1474;

    public byte[] Render(WordDocument document)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();

            var body = new Body();
            body.Append(Para(document.Title, "DocTitle"));
            if (document.Subtitle is { Length: > 0 } subtitle) body.Append(Para(subtitle, "DocSubtitle"));
            foreach (var block in document.Blocks)
                foreach (var element in Render(block)) body.Append(element);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Render(DocumentBlock block)
    {
        switch (block)
        {
            case DocumentHeading h:
                yield return Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2");
                break;
            case DocumentParagraph p:
                yield return Para(p.Text, null);
                break;
            case DocumentTable t:
                yield return Table(t);
                // Word joins two tables that touch; an empty line keeps them apart.
                yield return Para("", "TableText");
                break;
            case DocumentSignature s:
                yield return Para("", null);
                yield return Para(s.Signer, "Signature");
                if (s.Date is { } d) yield return Para($"{d.Year}年{d.Month}月{d.Day}日", "Signature");
                break;
            case DocumentSignatureLine l:
                yield return Para(l.Label, "Signature");
                break;
            case DocumentPageBreak:
                yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
                break;
        }
    }

    private static Paragraph Para(string text, string? style)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        p.Append(run);
        return p;
    }

    private static Table Table(DocumentTable t)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        var columns = Math.Max(1, t.Columns.Count);
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (TextWidth / columns).ToString() })));
        // The header row repeats on every page the table runs over.
        table.Append(Row(t.Columns, columns, "TableHeader", new TableRowProperties(new TableHeader())));
        foreach (var row in t.Rows) table.Append(Row(row, columns, "TableText", null));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int columns, string style, TableRowProperties? props)
    {
        var row = new TableRow();
        if (props is not null) row.Append(props);
        for (var i = 0; i < columns; i++)
            row.Append(new TableCell(Para(i < cells.Count ? cells[i] ?? "" : "", style)));
        return row;
    }

    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "PageNumber" }),
        new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts("仿宋"), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))));
        styles.Append(Style("Normal", "Normal", null, new StyleParagraphProperties(
                new Indentation { FirstLine = "640" }, new Justification { Val = JustificationValues.Both }), new StyleRunProperties(Fonts("仿宋")), isDefault: true));
        styles.Append(Style("DocTitle", "Document title", null, new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact, Before = "240", After = "120" }, new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts("宋体"), new Bold(), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })));
        styles.Append(Style("DocSubtitle", "Document subtitle", null, new StyleParagraphProperties(
                new SpacingBetweenLines { After = "280" }, new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts("楷体"), new FontSize { Val = "32" })));
        styles.Append(Style("Heading1", "heading 1", 0, new StyleParagraphProperties(new Indentation { FirstLine = "640" }, new KeepNext()),
            new StyleRunProperties(Fonts("黑体"))));
        styles.Append(Style("Heading2", "heading 2", 1, new StyleParagraphProperties(new Indentation { FirstLine = "640" }, new KeepNext()),
            new StyleRunProperties(Fonts("楷体"), new Bold())));
        var tableSpacing = () => new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" };
        styles.Append(Style("TableText", "Table text", null, new StyleParagraphProperties(tableSpacing(), new Indentation { FirstLine = "0" }),
            new StyleRunProperties(Fonts("宋体"), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })));
        styles.Append(Style("TableHeader", "Table header", null, new StyleParagraphProperties(tableSpacing(), new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts("黑体"), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })));
        // 右空四字: the signature and date end four characters before the right margin.
        styles.Append(Style("Signature", "Signature", null, new StyleParagraphProperties(new Indentation { FirstLine = "0", Right = "1280" }, new Justification { Val = JustificationValues.Right }),
            new StyleRunProperties(Fonts("仿宋"))));
        styles.Append(Style("PageNumber", "Page number line", null, new StyleParagraphProperties(new Indentation { FirstLine = "0" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(Latin), new FontSize { Val = "28" })));
        return styles;
    }

    private static RunFonts Fonts(string eastAsia) => new() { Ascii = Latin, HighAnsi = Latin, EastAsia = eastAsia, ComplexScript = Latin };

    private static Style Style(string id, string name, int? outlineLevel, StyleParagraphProperties paragraph, StyleRunProperties run, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault) style.Append(new BasedOn { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (outlineLevel is { } level) paragraph.Append(new OutlineLevel { Val = level });
        style.Append(paragraph);
        style.Append(run);
        return style;
    }
}
