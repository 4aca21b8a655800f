package org.itaoversight.reporting.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a rendered report a tagged Thai document, after {@link ThaiTextLayer} has fixed its text layer (JasperReports
 * cannot tag with the stock OpenPDF): a structure tree in reading order (the report's headings as H1/H2, every other
 * text block as P, drawn rules and fills and the running header and footer as artifacts), {@code /Lang (th)}, the
 * title shown in the viewer's title bar, and a bookmark per heading. The drawn page and the text each block extracts
 * to are unchanged: only marked-content operators are added around what is drawn.
 *
 * <p>With {@code archival}, the document is also written as PDF/A-2B: XMP metadata that agrees with the document
 * information, an sRGB output intent, and fonts without the optional CIDSet (the text layer repair adds character
 * ids). The fonts are embedded by the renderer.
 */
public final class TaggedPdf {

    /** A heading of the report as it is printed, and its level (1 for the report's title, 2 for a section). */
    public record Heading(String text, int level) {
    }

    /**
     * Where the running header and footer lie on every page after the first, in points from the page's top and bottom
     * edge: text blocks that start there are page artifacts, not content.
     */
    public record PageFurniture(float header, float footer) {
    }

    private static final String LANGUAGE = "th";

    public byte[] finish(byte[] pdf, String title, List<Heading> headings, PageFurniture furniture, boolean archival) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            catalog.setLanguage(LANGUAGE);
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            catalog.setViewerPreferences(preferences);
            document.getDocumentInformation().setTitle(title);

            PDStructureTreeRoot root = new PDStructureTreeRoot();
            catalog.setStructureTreeRoot(root);
            PDStructureElement body = new PDStructureElement("Document", root);
            body.setLanguage(LANGUAGE);
            body.setTitle(title);
            root.appendKid(body);
            Map<Integer, PDParentTreeValue> parents = new HashMap<>();
            List<Mark> marks = new ArrayList<>();
            int pageIndex = 0;
            for (PDPage page : document.getPages()) {
                COSArray parentArray = new COSArray();
                tag(document, page, pageIndex, body, parentArray, headings, furniture, marks);
                page.setStructParents(pageIndex);
                page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
                parents.put(pageIndex, new PDParentTreeValue(parentArray));
                pageIndex++;
            }
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
            parentTree.setNumbers(parents);
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(pageIndex);
            outline(document, marks);
            if (archival) {
                archival(document, title);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("tagging the report's PDF failed", e);
        }
    }

    /** A heading found on a page, for its bookmark. */
    private record Mark(String text, PDPage page, float top) {
    }

    private record Instruction(List<COSBase> operands, Operator operator) {
        String name() {
            return operator.getName();
        }
    }

    private void tag(PDDocument document, PDPage page, int pageIndex, PDStructureElement body, COSArray parentArray,
                     List<Heading> headings, PageFurniture furniture, List<Mark> marks) throws IOException {
        List<Instruction> instructions = instructions(page);
        float height = page.getMediaBox().getHeight();
        List<Object> out = new ArrayList<>(instructions.size() * 3);
        int depth = 0;
        boolean inText = false;
        boolean artifactOpen = false;
        List<Heading> unmatched = new ArrayList<>(headings);
        for (int k = 0; k < instructions.size(); k++) {
            Instruction instruction = instructions.get(k);
            String op = instruction.name();
            if (depth == 0 && !inText && op.equals("BDC") && isTextSpan(instruction)) {
                artifactOpen = closeArtifact(out, artifactOpen);
                COSDictionary spanProperties = (COSDictionary) instruction.operands().get(1);
                String actual = spanProperties.getString(COSName.ACTUAL_TEXT);
                Optional<float[]> position = firstTextPosition(instructions, k);
                float y = position.map(p -> p[0]).orElse(height / 2);
                boolean furnitureText = y < furniture.footer() || (pageIndex > 0 && y > height - furniture.header());
                COSDictionary properties = new COSDictionary();
                properties.setString(COSName.ACTUAL_TEXT, actual);
                if (furnitureText) {
                    properties.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
                    emit(out, Operator.getOperator("BDC"), COSName.getPDFName("Artifact"), properties);
                } else {
                    Optional<Heading> heading = matching(unmatched, actual);
                    heading.ifPresent(unmatched::remove);
                    String type = heading.map(h -> "H" + h.level()).orElse("P");
                    int mcid = parentArray.size();
                    properties.setInt(COSName.MCID, mcid);
                    // The content keeps the tag /Span: poppler reads /ActualText only from a Span (and then extracts
                    // the element whole); the structure element gives the role.
                    emit(out, Operator.getOperator("BDC"), COSName.getPDFName("Span"), properties);
                    PDStructureElement element = new PDStructureElement(type, body);
                    element.setPage(page);
                    element.setActualText(actual);
                    PDMarkedContent content = PDMarkedContent.create(COSName.getPDFName("Span"), properties);
                    element.appendKid(content);
                    body.appendKid(element);
                    parentArray.add(element);
                    if (heading.isPresent()) {
                        float fontSize = position.map(p -> p[1]).orElse(12f);
                        marks.add(new Mark(heading.get().text(), page, Math.min(height, y + fontSize + 6)));
                    }
                }
                depth++;
                continue;
            }
            switch (op) {
                case "BDC", "BMC" -> {
                    artifactOpen = closeArtifact(out, artifactOpen);
                    depth++;
                    add(out, instruction);
                }
                case "EMC" -> {
                    depth--;
                    add(out, instruction);
                }
                case "BT" -> {
                    if (depth == 0) {
                        artifactOpen = openArtifact(out, artifactOpen);
                    }
                    inText = true;
                    add(out, instruction);
                }
                case "ET" -> {
                    inText = false;
                    add(out, instruction);
                    if (depth == 0) {
                        artifactOpen = closeArtifact(out, artifactOpen);
                    }
                }
                case "m", "l", "c", "v", "y", "h", "re", "sh", "Do", "BI" -> {
                    if (depth == 0 && !inText) {
                        artifactOpen = openArtifact(out, artifactOpen);
                    }
                    add(out, instruction);
                    if (op.equals("sh") || op.equals("Do") || op.equals("BI")) {
                        artifactOpen = closeArtifact(out, artifactOpen);
                    }
                }
                case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n" -> {
                    add(out, instruction);
                    if (depth == 0 && !inText) {
                        artifactOpen = closeArtifact(out, artifactOpen);
                    }
                }
                default -> {
                    if (artifactOpen && (op.equals("q") || op.equals("Q"))) {
                        artifactOpen = closeArtifact(out, artifactOpen);
                    }
                    add(out, instruction);
                }
            }
        }
        closeArtifact(out, artifactOpen);
        PDStream stream = new PDStream(document);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(os).writeTokens(out);
        }
        page.setContents(stream);
    }

    private static List<Instruction> instructions(PDPage page) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        List<COSBase> operands = new ArrayList<>();
        for (Object token : new PDFStreamParser(page).parse()) {
            if (token instanceof Operator operator) {
                instructions.add(new Instruction(List.copyOf(operands), operator));
                operands.clear();
            } else if (token instanceof COSBase base) {
                operands.add(base);
            }
        }
        return instructions;
    }

    /** The renderer wraps each text element in {@code /Span <</ActualText …>> BDC}. */
    private static boolean isTextSpan(Instruction instruction) {
        return instruction.operands().size() == 2 && COSName.getPDFName("Span").equals(instruction.operands().get(0))
                && instruction.operands().get(1) instanceof COSDictionary properties
                && properties.getDictionaryObject(COSName.ACTUAL_TEXT) instanceof COSString;
    }

    /** The baseline and font size of the first line drawn in the marked-content sequence that starts at {@code from}. */
    private static Optional<float[]> firstTextPosition(List<Instruction> instructions, int from) {
        float size = 12f;
        int depth = 0;
        for (int k = from; k < instructions.size(); k++) {
            Instruction instruction = instructions.get(k);
            switch (instruction.name()) {
                case "BDC", "BMC" -> depth++;
                case "EMC" -> depth--;
                case "Tf" -> {
                    if (instruction.operands().size() == 2 && instruction.operands().get(1) instanceof COSNumber number) {
                        size = number.floatValue();
                    }
                }
                case "Tm" -> {
                    if (instruction.operands().size() == 6 && instruction.operands().get(5) instanceof COSNumber y) {
                        float fontSize = size;
                        for (int j = k + 1; j < instructions.size() && !instructions.get(j).name().equals("ET"); j++) {
                            if (instructions.get(j).name().equals("Tf") && instructions.get(j).operands().get(1) instanceof COSNumber n) {
                                fontSize = n.floatValue();
                                break;
                            }
                        }
                        return Optional.of(new float[] {y.floatValue(), fontSize});
                    }
                }
                default -> {
                }
            }
            if (depth == 0) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<Heading> matching(List<Heading> headings, String actualText) {
        String text = compact(actualText);
        return headings.stream().filter(h -> compact(h.text()).equals(text)).findFirst();
    }

    static String compact(String text) {
        return text.replaceAll("[\\s\\u2060]+", "");
    }

    private static boolean openArtifact(List<Object> out, boolean open) {
        if (!open) {
            emit(out, Operator.getOperator("BMC"), COSName.getPDFName("Artifact"));
        }
        return true;
    }

    private static boolean closeArtifact(List<Object> out, boolean open) {
        if (open) {
            emit(out, Operator.getOperator("EMC"));
        }
        return false;
    }

    private static void add(List<Object> out, Instruction instruction) {
        out.addAll(instruction.operands());
        out.add(instruction.operator());
    }

    private static void emit(List<Object> out, Operator operator, COSBase... operands) {
        out.addAll(List.of(operands));
        out.add(operator);
    }

    private static void outline(PDDocument document, List<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        for (Mark mark : marks) {
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(mark.page());
            destination.setTop(Math.round(mark.top()));
            destination.setLeft(0);
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(mark.text().replaceAll("\\s+", " ").strip());
            item.setDestination(destination);
            outline.addLast(item);
        }
        outline.openNode();
        document.getDocumentCatalog().setDocumentOutline(outline);
        document.getDocumentCatalog().setPageMode(org.apache.pdfbox.pdmodel.PageMode.USE_OUTLINES);
    }

    /** PDF/A-2B: metadata in XMP agreeing with the information dictionary, an sRGB output intent, no CIDSet. */
    private static void archival(PDDocument document, String title) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        Calendar created = Optional.ofNullable(info.getCreationDate()).orElseGet(Calendar::getInstance);
        info.setCreationDate(created);
        info.setModificationDate(created);
        info.setProducer("ITA Oversight (JasperReports, PDFBox)");
        // Trapped and other keys XMP would have to repeat are left out.
        info.getCOSObject().removeItem(COSName.TRAPPED);
        info.getCOSObject().removeItem(COSName.KEYWORDS);
        info.getCOSObject().removeItem(COSName.SUBJECT);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.setFormat("application/pdf");
        Optional.ofNullable(info.getAuthor()).ifPresent(dc::addCreator);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        Optional.ofNullable(info.getCreator()).ifPresent(basic::setCreatorTool);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.getProducer());
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, metadata, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("writing the XMP metadata failed", e);
        }
        PDMetadata stream = new PDMetadata(document);
        stream.importXMPMetadata(metadata.toByteArray());
        document.getDocumentCatalog().setMetadata(stream);

        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);

        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (font instanceof PDType0Font type0 && type0.getDescendantFont().getFontDescriptor() != null) {
                    type0.getDescendantFont().getFontDescriptor().getCOSObject().removeItem(COSName.CID_SET);
                }
            }
        }
    }
}
