package io.parley.draft;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.bundle.EditorPosts;
import io.parley.common.ApiException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /drafts}, drafting for curl: the body is a report as JSON (the fields of
 * {@code ReportInput}) or its bare text ({@code text/plain}, with {@code publisher},
 * {@code publishedOn}, {@code title}, {@code url}, {@code language} as query parameters), and
 * the answer is the draft with its bundle as a JSON object, ready for {@code POST /import}.
 * An editor's or admin's bearer token is required, as for {@code draftBundle}.
 */
@ApplicationScoped
public class DraftRoutes {

    /** A report of 100,000 characters is at most 400 KB of UTF-8; a body over 1 MB is no report. */
    static final long MAX_BODY = 1024 * 1024;

    private final DraftService drafts;
    private final ObjectMapper json = new ObjectMapper();

    public DraftRoutes(DraftService drafts) {
        this.drafts = drafts;
    }

    void routes(@Observes Router router) {
        router.post("/drafts").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> EditorPosts.handle(context, MAX_BODY, "a report", (caller, request, body) -> draft(request, body)));
    }

    private String draft(RoutingContext context, String body) throws JsonProcessingException {
        ReportInput report = report(context, body);
        BundleDraft draft = drafts.draft(report, "body");
        ObjectNode answer = json.createObjectNode();
        answer.set("bundle", json.readTree(draft.bundle()));
        // Written field by field, as the GraphQL type has them: no data binding (reflection) on the way.
        ArrayNode proposals = answer.putArray("proposals");
        for (DraftProposal proposal : draft.proposals()) {
            ObjectNode node = proposals.addObject().put("ref", proposal.ref()).put("collection", proposal.collection())
                    .put("label", proposal.label()).put("action", proposal.action().name()).put("matchedId", proposal.matchedId())
                    .put("confidence", proposal.confidence());
            ArrayNode passages = node.putArray("passages");
            proposal.passages().forEach(passage -> passages.addObject().put("ref", passage.ref()).put("start", passage.start())
                    .put("end", passage.end()).put("text", passage.text()));
            ArrayNode notes = node.putArray("notes");
            proposal.notes().forEach(notes::add);
        }
        answer.put("tookMs", draft.tookMs());
        return json.writeValueAsString(answer);
    }

    private ReportInput report(RoutingContext context, String body) {
        String type = context.request().getHeader("content-type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw ApiException.badInput("body", "must be a JSON object with the fields of ReportInput");
                }
                ReportInput report = new ReportInput();
                report.text = text(node, "text");
                report.publisher = text(node, "publisher");
                report.title = text(node, "title");
                report.url = text(node, "url");
                report.language = text(node, "language");
                report.publishedOn = date(text(node, "publishedOn"), "body.publishedOn");
                return report;
            } catch (JsonProcessingException e) {
                throw ApiException.badInput("body", "is not JSON: " + e.getOriginalMessage());
            }
        }
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
            throw ApiException.badInput("body", "send the report as application/json or text/plain, not " + type);
        }
        ReportInput report = new ReportInput();
        report.text = body;
        report.publisher = context.request().getParam("publisher");
        report.title = context.request().getParam("title");
        report.url = context.request().getParam("url");
        report.language = context.request().getParam("language");
        report.publishedOn = date(context.request().getParam("publishedOn"), "publishedOn");
        return report;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badInput("body." + field, "must be a string");
        }
        return value.asText();
    }

    private static LocalDate date(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(field, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
