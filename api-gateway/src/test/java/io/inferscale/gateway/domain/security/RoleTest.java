package io.inferscale.gateway.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoleTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no authorities", List.of(), Optional.empty()),
                Arguments.of("viewer only", List.of("ROLE_VIEWER"), Optional.of(Role.VIEWER)),
                Arguments.of(
                        "operator with implied viewer",
                        List.of("ROLE_VIEWER", "ROLE_OPERATOR"),
                        Optional.of(Role.OPERATOR)),
                Arguments.of(
                        "admin in any order",
                        List.of("ROLE_ADMIN", "ROLE_VIEWER", "ROLE_OPERATOR"),
                        Optional.of(Role.ADMIN)),
                Arguments.of(
                        "unknown authorities are ignored",
                        List.of("SCOPE_read", "ROLE_VIEWER"),
                        Optional.of(Role.VIEWER)),
                Arguments.of(
                        "a bare role name is not an authority",
                        List.of("ADMIN"),
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theHighestGrantedRoleIsTheUsersRole(
            String name, List<String> authorities, Optional<Role> expected) {
        assertThat(Role.highestOf(authorities)).isEqualTo(expected);
    }
}
