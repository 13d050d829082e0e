package vn.healthid.sandbox.vneid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.healthid.sandbox.cards.Citizen;
import vn.healthid.sandbox.cards.Population;

/** The stand-in's accounts: the cards' synthetic population (every third person at level 1), plus any registered. */
public final class Accounts {

    /** The seed the sandbox uses for cards and VNeID alike. */
    public static final long SANDBOX_SEED = 42;

    private final Map<String, Account> byPid = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    public static Accounts fromPopulation(long seed, int count, LocalDate today) {
        Accounts accounts = new Accounts();
        List<Citizen> citizens = Population.generate(seed, count, today);
        for (int i = 0; i < citizens.size(); i++) {
            Citizen citizen = citizens.get(i);
            accounts.register(
                    new Account(citizen.number(), citizen.fullName(), citizen.dateOfBirth(), i % 3 == 0 ? 1 : 2));
        }
        return accounts;
    }

    public synchronized void register(Account account) {
        if (byPid.put(account.citizenPid(), account) == null) {
            order.add(account.citizenPid());
        }
    }

    public Optional<Account> find(String citizenPid) {
        return Optional.ofNullable(citizenPid).map(byPid::get);
    }

    public synchronized List<Account> all() {
        return order.stream().map(byPid::get).toList();
    }
}
