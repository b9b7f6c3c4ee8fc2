package io.inferscale.support;

import io.inferscale.contracts.EventCodec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The few beans every service needs: the clock decisions read time from, the event codec, and who
 * we are.
 */
@AutoConfiguration
public class InferScaleServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceIdentity serviceIdentity(
            @Value("${spring.application.name}") String service,
            @Value("${server.port:0}") int port) {
        return new ServiceIdentity(service, hostName() + ":" + port);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
