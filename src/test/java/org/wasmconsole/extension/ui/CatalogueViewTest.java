package org.wasmconsole.extension.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.wasmconsole.base.ui.AccessDeniedView;
import org.wasmconsole.base.ui.AnyOfSelect;
import org.wasmconsole.base.ui.AnyOfSelectTester;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.SignedIn;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * The catalogue without a browser: filters read from and written to the URL, and what a tenant
 * operator sees and may do. Reads the sample data of organization {@code tse} and changes none of
 * it; the only thing it creates is an operator of tenant {@code payments} with a unique name
 * (users cannot be deleted, and no other test looks for it).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueViewTest extends SpringBrowserlessTest {

    static final String ORG = "tse";

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    private final String operator = "blt-catalogue-op-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void createPaymentsOperator() {
        asSystem(() -> {
            TenantInfo payments = tenants.list(ORG).stream().filter(t -> t.name().equals("payments")).findFirst()
                    .orElseThrow();
            users.create(operator, "operator-password-payments", Role.TENANT_OPERATOR, Set.of(payments.id()));
        });
    }

    /**
     * Signs in as the operator, the way sign-in loads a user (their tenants in the principal). Set
     * in the test, after the browserless UI was made, so the next navigation is what applies it.
     */
    private void signInAsOperator() {
        UserDetails user = userDetails.loadUserByUsername(operator);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String matchCount() {
        return find(Span.class).withClassName("match-count").single().getText();
    }

    @SuppressWarnings("unchecked")
    private Grid<ExtensionSummary> grid() {
        return find(Grid.class).withClassName("extension-grid").single();
    }

    private List<String> gridNames() {
        var grid = test(grid());
        return IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).name()).toList();
    }

    /**
     * Opens the catalogue at {@code ?query}, as a bookmarked URL would. The library's
     * {@code navigate(String, Class)} refuses a '?' in the path, and its {@code navigate(Class, Map)}
     * takes route parameters, not query parameters: so this goes through the UI's own API.
     */
    private void openCatalogue(String query) {
        UI.getCurrent().navigate(ExtensionListView.class, QueryParameters.fromString(query));
        assertThat(getCurrentView()).isInstanceOf(ExtensionListView.class);
        assertThat(currentQuery().getQueryString()).isEqualTo(query);
    }

    private QueryParameters currentQuery() {
        return UI.getCurrent().getActiveViewLocation().getQueryParameters();
    }

    /** The library's queries return only visible components; isVisible is checked as well, to be explicit. */
    private boolean visibleButton(String text) {
        return find(Button.class).withText(text).all().stream().anyMatch(Button::isVisible);
    }

    // --- filters in the URL ------------------------------------------------------------------------

    @Test
    @WithUserDetails("admin")
    void filtersAreReadFromTheQueryString() {
        openCatalogue("phase=AUTHN&q=coraza");

        assertThat(matchCount()).isEqualTo("1 extension");
        assertThat(gridNames()).containsExactly("coraza-waf");
        assertThat(test(grid()).getCellText(0, test(grid()).getColumnPosition("phase"))).isEqualTo("Authentication");
        @SuppressWarnings("unchecked")
        AnyOfSelect<PluginPhase> phase = find(AnyOfSelect.class).withAriaLabel("Phase").single();
        assertThat(phase.getValue()).isEqualTo(PluginPhase.AUTHN);
    }

    @Test
    @WithUserDetails("admin")
    void unknownFilterValuesAreIgnored() {
        openCatalogue("phase=NOT_A_PHASE&tenant=no-such-tenant");

        long all = asSystem(() -> extensions.count(ExtensionFilter.all(ORG)));
        assertThat(matchCount()).isEqualTo(all + " extensions");
    }

    @Test
    @WithUserDetails("admin")
    void changingThePhaseNavigatesToAUrlCarryingIt() {
        openCatalogue("q=a");
        assertThat(currentQuery().getSingleParameter("phase")).isEmpty();

        @SuppressWarnings("unchecked")
        AnyOfSelect<PluginPhase> phase = find(AnyOfSelect.class).withAriaLabel("Phase").single();
        new AnyOfSelectTester<>(phase).selectItem(PluginPhase.STATS.label());

        assertThat(currentQuery().getSingleParameter("phase")).contains("STATS");
        assertThat(currentQuery().getSingleParameter("q")).contains("a");
        assertThat(getCurrentView()).isInstanceOf(ExtensionListView.class);
        List<String> expected = asSystem(() -> extensions.list(new ExtensionFilter(ORG, "a", PluginPhase.STATS, null,
                null), PageRequest.of(0, 50))).stream().map(ExtensionSummary::name).toList();
        assertThat(expected).isNotEmpty();
        assertThat(gridNames()).containsExactlyElementsOf(expected);
        var grid = test(grid());
        assertThat(IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).phase()))
                .containsOnly(PluginPhase.STATS);
        assertThat(matchCount()).isEqualTo(expected.size() == 1 ? "1 extension" : expected.size() + " extensions");
    }

    @Test
    @WithUserDetails("admin")
    void searchTextAndTenantGoIntoTheUrlToo() {
        openCatalogue("");

        test(find(TextField.class).withAriaLabel("Search extensions").single()).setValue("coraza");
        assertThat(currentQuery().getSingleParameter("q")).contains("coraza");
        assertThat(matchCount()).isEqualTo("1 extension");

        test(find(TextField.class).withAriaLabel("Search extensions").single()).setValue("");
        @SuppressWarnings("unchecked")
        ComboBox<TenantInfo> tenant = find(ComboBox.class).withAriaLabel("Available to tenant").single();
        test(tenant).selectItem("Payments (payments)");

        assertThat(currentQuery().getParameters()).containsOnlyKeys("tenant");
        assertThat(currentQuery().getSingleParameter("tenant")).contains("payments");
        List<String> expected = asSystem(() -> extensions.list(new ExtensionFilter(ORG, null, null, null,
                "organizations/" + ORG + "/tenants/payments"), PageRequest.of(0, 100))).stream()
                .map(ExtensionSummary::name).toList();
        assertThat(gridNames()).containsExactlyElementsOf(expected).contains("geo-ip-block")
                .doesNotContain("wasm-auth");
    }

    @Test
    @WithUserDetails("admin")
    void filtersMatchingNothingOfferToClearThem() {
        openCatalogue("q=no-extension-is-called-this");

        assertThat(matchCount()).isEqualTo("0 extensions");
        assertThat(find(Grid.class).withClassName("extension-grid").exists()).isFalse();
        assertThat(find(H2.class).withText("No extensions match these filters").exists()).isTrue();

        test(find(Button.class).withText("Clear filters").single()).click();

        assertThat(currentQuery().getParameters()).isEmpty();
        long all = asSystem(() -> extensions.count(ExtensionFilter.all(ORG)));
        assertThat(matchCount()).isEqualTo(all + " extensions");
        assertThat(grid().isVisible()).isTrue();
        assertThat(find(H2.class).withText("No extensions match these filters").exists()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void adminSeesTheCreateAndDeleteButtons() {
        navigate(ExtensionListView.class);

        assertThat(visibleButton("Create extension")).isTrue();
        assertThat(visibleButton("Delete")).isTrue();
    }

    // --- a tenant operator ---------------------------------------------------------------------------

    @Test
    void operatorSeesOnlyWhatIsAvailableToTheirTenantAndCannotCreateOrDelete() {
        signInAsOperator();
        navigate(ExtensionListView.class);

        List<String> availableToPayments = SignedIn.as(userDetails, operator, () -> extensions.list(
                ExtensionFilter.all(ORG), PageRequest.of(0, 100))).stream().map(ExtensionSummary::name).toList();
        assertThat(gridNames()).containsExactlyElementsOf(availableToPayments);
        assertThat(gridNames()).contains("rate-limiter", "geo-ip-block", "coraza-waf", "pii-redactor", "cors-policy")
                .doesNotContain("wasm-auth", "opa-authz", "bot-detector", "tenant-router");
        assertThat(matchCount()).isEqualTo(availableToPayments.size() + " extensions");

        assertThat(visibleButton("Create extension")).isFalse();
        assertThat(visibleButton("Delete")).isFalse();
        @SuppressWarnings("unchecked")
        ComboBox<TenantInfo> tenant = find(ComboBox.class).withAriaLabel("Available to tenant").single();
        assertThat(test(tenant).getSuggestions()).containsExactly("Payments (payments)");
    }

    @Test
    void operatorIsRefusedTheCreateForm() {
        signInAsOperator();
        navigate(ExtensionListView.class);

        assertThat(getCurrentView()).isInstanceOf(ExtensionListView.class);

        // The console answers a view the role does not allow with its own "Not allowed" page.
        assertThatThrownBy(() -> navigate("extensions/new", ExtensionEditorView.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AccessDeniedView");
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(find(TextField.class).withLabel("URL").exists()).isFalse();
        assertThat(getCurrentView()).isNotInstanceOf(ExtensionEditorView.class);
        assertThat(find(Button.class).withText("Save").exists()).isFalse();
    }
}
