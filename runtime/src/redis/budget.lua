-- A retry budget shared by a fleet: every process adds what it spent and
-- refilled since its last sync, and reads the fleet's balance.
--
-- KEYS[1]  the balance (expires when unused)
-- ARGV[1]  the change since this process's last sync (negative: spent)
-- ARGV[2]  the capacity: a missing balance starts full
-- ARGV[3]  the time to live, in milliseconds
local capacity = tonumber(ARGV[2])
local balance = tonumber(redis.call('GET', KEYS[1]) or capacity)
balance = math.max(0, math.min(capacity, balance + tonumber(ARGV[1])))
redis.call('SET', KEYS[1], balance, 'PX', ARGV[3])
return balance
