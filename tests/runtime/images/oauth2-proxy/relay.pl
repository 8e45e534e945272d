# The oauth2-proxy stand-in's server: listens on ARGV[0], answers /ping itself (as oauth2-proxy
# does), logs each other request line and relays the connection byte for byte to ARGV[1]:ARGV[2],
# closing both sides when either ends. Perl's base modules only (perl-base is in every Debian).
use strict;
use warnings;
use IO::Select;
use IO::Socket::INET;

my ($port, $host, $upstream_port) = @ARGV;
$SIG{CHLD} = 'IGNORE';
$SIG{TERM} = sub { exit 0 };
STDERR->autoflush(1);
my $server = IO::Socket::INET->new(LocalAddr => "0.0.0.0:$port", Listen => 128, ReuseAddr => 1)
    or die "oauth2-proxy stand-in: cannot listen on $port: $!\n";

while (1) {
    my $client = $server->accept or next;
    if (fork) { close $client; next; }
    close $server;
    sysread($client, my $head, 65536) or exit 0;
    my ($request) = $head =~ /^([^\r\n]*)/;
    if ($request =~ m{^\S+ /ping[ ?]}) {
        syswrite($client, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK");
        exit 0;
    }
    print STDERR "oauth2-proxy stand-in: $request\n";
    my $upstream = IO::Socket::INET->new(PeerAddr => "$host:$upstream_port") or do {
        syswrite($client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        exit 0;
    };
    syswrite($upstream, $head);
    my $select = IO::Select->new($client, $upstream);
    while (my @ready = $select->can_read) {
        for my $from (@ready) {
            my $to = $from == $client ? $upstream : $client;
            sysread($from, my $data, 65536) or exit 0;
            syswrite($to, $data);
        }
    }
    exit 0;
}
