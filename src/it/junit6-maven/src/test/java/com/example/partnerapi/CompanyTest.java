package com.example.partnerapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.partnerapi.harness.junit.PartnerApiTest;
import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A first test: the embedded verifier stub is the target, every request is signed. */
@PartnerApiTest
class CompanyTest {

    @Test
    void createsAndFindsACompany(RequestSpecification api) {
        String id = given(api).body(Map.of("name", "ACME Corp")).post("/company")
                .then().statusCode(200).extract().path("company_id");
        given(api).get("/company/" + id).then().statusCode(200).body("name", equalTo("ACME Corp"));
    }

    @Test
    void aTimestampTenMinutesOldIsRefused(RequestSpecification api, PartnerApiSigningFilter signing) {
        given(api).filter(signing.agedBy(Duration.ofMinutes(10))).get("/assets")
                .then().statusCode(401).body("msg", equalTo("errPartnerAuth")).body("detail.reason", equalTo("timestamp"));
    }
}
