package io.parley.limits;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The caller's rate-limit status, as GitHub's GraphQL API reports it. */
@Type("RateLimit")
@Description("The cost of this query and the caller's rate-limit budget. limit, remaining and resetAt are null "
        + "when rate limiting is off.")
public class RateLimit {

    private final int cost;
    private final RateLimits.Budget budget;

    RateLimit(long cost, RateLimits.Budget budget) {
        this.cost = Math.toIntExact(cost);
        this.budget = budget;
    }

    @NonNull
    @Description("What this query costs: the records it could return, every field counted as many times as the "
            + "page sizes of the lists around it allow (the same figure as extensions.cost).")
    public int getCost() {
        return cost;
    }

    @Description("Points per window for this caller (its token's subject, or else its address).")
    public Integer getLimit() {
        return budget == null ? null : Math.toIntExact(budget.limit());
    }

    @Description("Points left in the current window, this query already charged.")
    public Integer getRemaining() {
        return budget == null ? null : Math.toIntExact(budget.remaining());
    }

    @Description("When the current window ends and the budget is full again.")
    public OffsetDateTime getResetAt() {
        return budget == null ? null : budget.resetAt().atOffset(ZoneOffset.UTC);
    }
}
