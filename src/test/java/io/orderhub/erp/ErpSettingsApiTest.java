package io.orderhub.erp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/erp never shows a secret of the ERP's URL. */
class ErpSettingsApiTest {

    @Test
    void aPasswordInTheUserInfoIsHidden() {
        assertThat(ErpSettingsApi.redactUrl("https://hub:s3cret@erp.example.com:8443/orders"))
                .isEqualTo("https://hub:***@erp.example.com:8443/orders");
    }

    @Test
    void secretQueryParametersAreHiddenAndOthersKept() {
        assertThat(ErpSettingsApi.redactUrl("https://erp.example.com/orders?client=7&api_key=abc&token=x1&sig=z#top"))
                .isEqualTo("https://erp.example.com/orders?client=7&api_key=***&token=***&sig=***#top");
        assertThat(ErpSettingsApi.redactUrl("http://erp/orders?authMethod=Basic&authPassword=p%40ss"))
                .isEqualTo("http://erp/orders?authMethod=***&authPassword=***");
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        assertThat(ErpSettingsApi.redactUrl("http://localhost:8080/erp-sim/orders"))
                .isEqualTo("http://localhost:8080/erp-sim/orders");
        assertThat(ErpSettingsApi.redactUrl("https://user@erp.example.com/orders"))
                .isEqualTo("https://user@erp.example.com/orders");
    }
}
