package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.partnerapi.harness.restassured.ContractCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract command's order and ids, on a small description and a scripted target. */
class ContractDriverTest {

    private static final String DESCRIPTION = """
            {"openapi": "3.0.3", "paths": {
              "/shops/{shop_id}": {"get": {}, "delete": {}},
              "/shops": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Shop"}}}}}},
              "/shops/{shop_id}/orders": {"post": {"requestBody": {"content": {"application/json": {"example":
                  {"item_id": "ITEM-A", "gift_item_id": "ITEM-B", "note": "n"}}}}}},
              "/items": {"get": {}},
              "/orders/{order_id}": {"put": {}},
              "/coupons/{coupon_id}": {"get": {}}
            },
            "components": {"schemas": {"Shop": {"type": "object", "required": ["name", "open"],
              "properties": {"name": {"type": "string", "example": "Corner"}, "open": {"type": "boolean"}}}}}}
            """;

    /** Answers like a tiny shop API, recording each request as "METHOD path body". */
    private static class Shop implements ContractDriver.Target {
        final List<String> sent = new ArrayList<>();
        final AtomicInteger shops = new AtomicInteger();

        @Override
        public ContractDriver.Answer send(String method, String path, byte[] body) {
            sent.add(method + " " + path + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8)));
            String answer = switch (method + " " + path.replaceAll("/s\\d+", "/S")) {
                case "POST /shops" -> "{\"shop_id\":\"s" + shops.incrementAndGet() + "\"}";
                case "GET /items" -> "{\"items\":[{\"item_id\":\"i1\",\"note\":\"first\"},{\"item_id\":\"i2\",\"note\":\"second\"}]}";
                case "POST /S/orders", "POST /shops/S/orders" -> "{\"order_id\":\"o1\"}";
                default -> "{}";
            };
            return new ContractDriver.Answer(method.equals("DELETE") ? 202 : 200, answer.getBytes(StandardCharsets.UTF_8),
                    new ContractCheck(method, path, 200, List.of()));
        }
    }

    @Test
    void createsThenReadsThenUpdatesThenDeletesWithTheIdsTheAnswersGave() {
        Shop shop = new Shop();
        List<ContractDriver.Row> rows = new ContractDriver(ApiDescription.operations(DESCRIPTION), shop).run(r -> { });
        assertThat(shop.sent).containsExactly(
                "POST /shops {\"name\":\"Corner\",\"open\":true}",
                "GET /shops/s1",
                "GET /items",
                // waited for item ids: each example value stands for its own item, with the note answered beside it
                "POST /shops/s1/orders {\"item_id\":\"i1\",\"gift_item_id\":\"i2\",\"note\":\"first\"}",
                "PUT /orders/o1",
                "DELETE /shops/s1");
        assertThat(rows).last().satisfies(r -> {
            assertThat(r.operation().toString()).isEqualTo("GET /coupons/{coupon_id}");
            assertThat(r.verdict()).isEqualTo(ContractDriver.Verdict.SKIPPED);
            assertThat(r.reason()).isEqualTo("no coupon_id known: no answer had a field coupon_id");
        });
        assertThat(rows).filteredOn(r -> r.verdict() == ContractDriver.Verdict.PASSED).hasSize(6);
    }

    @Test
    void aCreateRefusedWhileNamingAnEarlierCreatesIdIsRetriedOnceAfterThatCreateRunsAgain() {
        Shop shop = new Shop() {
            int orders;

            @Override
            public ContractDriver.Answer send(String method, String path, byte[] body) {
                if (path.endsWith("/orders") && orders++ == 0) {
                    sent.add(method + " " + path + " refused");
                    return new ContractDriver.Answer(400, "{\"code\":400,\"msg\":\"errBadRequest\",\"detail\":{\"reason\":\"shop closed\"}}"
                            .getBytes(StandardCharsets.UTF_8), new ContractCheck(method, path, 400, List.of()));
                }
                return super.send(method, path, body);
            }
        };
        String description = DESCRIPTION.replace("{\"item_id\": \"ITEM-A\", \"gift_item_id\": \"ITEM-B\", \"note\": \"n\"}",
                "{\"shop_id\": \"SHOP\"}").replace("/shops/{shop_id}/orders", "/orders");
        List<ContractDriver.Row> rows = new ContractDriver(ApiDescription.operations(description), shop).run(r -> { });
        assertThat(shop.sent).containsSubsequence("POST /shops {\"name\":\"Corner\",\"open\":true}", "POST /orders refused",
                "POST /shops {\"name\":\"Corner\",\"open\":true}", "POST /orders {\"shop_id\":\"s2\"}");
        assertThat(rows).filteredOn(r -> r.operation().toString().equals("POST /orders")).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(
                        "retried after a new POST /shops; first answer 400 (errBadRequest: shop closed)"));
    }
}
