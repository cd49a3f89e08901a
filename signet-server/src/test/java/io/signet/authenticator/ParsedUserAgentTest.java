package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user agents people register passkeys with, named as ua-parser-js names them. */
class ParsedUserAgentTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome | 131 | Mac OS | 10.15.7 | Blink | Macintosh |
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 | Edge | 131 | Windows | 10 | Blink | | amd64
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Mobile Safari | 17 | iOS | 17.5 | WebKit | iPhone |
            Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15 | Safari | 17 | Mac OS | 14.5 | WebKit | Macintosh |
            Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox | 133 | Linux | | Gecko | | amd64
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36 | Chrome | 131 | Android | 14 | Blink | Pixel 8 |
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.8078.108 Safari/537.36 | Chrome Headless | 156 | Linux | | Blink | | amd64
            """)
    void names_browser_os_engine_device_and_cpu(String ua, String browser, String major, String os, String osVersion,
                                                String engine, String model, String cpu) {
        ParsedUserAgent p = ParsedUserAgent.parse(ua);
        assertThat(p.ua()).isEqualTo(ua);
        assertThat(p.browser().name()).isEqualTo(browser);
        assertThat(p.browser().major()).isEqualTo(major);
        assertThat(p.os().name()).isEqualTo(os);
        assertThat(p.os().version()).isEqualTo(osVersion);
        assertThat(p.engine().name()).isEqualTo(engine);
        assertThat(p.device() == null ? null : p.device().model()).isEqualTo(model);
        assertThat(p.cpu() == null ? null : p.cpu().architecture()).isEqualTo(cpu);
    }

    @ParameterizedTest
    @CsvSource({"curl/8.5.0", "''"})
    void an_unknown_agent_keeps_only_what_it_knows(String ua) {
        ParsedUserAgent p = ParsedUserAgent.parse(ua);
        if (ua.isEmpty()) {
            assertThat(p).isNull();
            return;
        }
        assertThat(Json.write(p)).isEqualTo("{\"ua\":\"curl/8.5.0\"}");
    }
}
